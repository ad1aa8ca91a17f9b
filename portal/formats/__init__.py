"""Date formats for the portal's languages where Django's own do not suit a
Norwegian help portal (settings.FORMAT_MODULE_PATH; Django's modules fill in
everything not named here).

- English: "1 October 2026" and "1 Oct 2026" — Django's English is American
  ("Oct. 1, 2026", "10/01/2026"), and a numeric month-first date is misread
  in Norway as 10 January.
- Somali, Tigrinya, Northern Sami, Urdu: Django has no formats for them (so/ti/se
  not even month names), and its fallback is American English. Numbers in the
  Norwegian order ("01.10.2026") read the same for everyone; Urdu keeps its month
  names, which Django's Urdu catalogue has, for the long form.
"""
