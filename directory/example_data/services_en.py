"""English texts for some example services, keyed by slug (names keep the Norwegian proper name)."""

# ruff: noqa: E501 (data module: long text lines are intended)

SERVICES_EN = {
    "politi-112": {
        "name": "Politiet – call 112 when someone is in danger",
        "description": 'Call 112 if you or someone else is in danger now. The police answer day and night and can come straight away. You can call even if you are not sure it "counts" as violence.',
        "eligibility": "Anyone who needs the police right away.",
    },
    "politi-vest-anmeldelse": {
        "name": "Vest politidistrikt – reporting, restraining orders and safety alarms",
        "description": "Here you can report violence and ask about a restraining order or a safety alarm when it is not an emergency. You can call or visit the police station in central Bergen. Feel free to bring someone you trust.",
        "eligibility": "Anyone who lives in or is staying in Vestland.",
    },
    "legevakt-116117": {
        "name": "Legevakt – call 116 117 for an out-of-hours doctor",
        "description": "Call 116 117 when you need a doctor and your GP is closed. You are put through to the out-of-hours clinic where you are. After violence, the doctor can look at your injuries and write them down, even if you have not decided whether to report it.",
        "eligibility": "Anyone staying in Norway.",
    },
    "overgrepsmottak-bergen": {
        "name": "Overgrepsmottaket i Bergen – sexual assault centre",
        "description": "You can come here after rape or other sexual abuse, also if you are unsure what happened. You get an examination, treatment and someone to talk to. Evidence can be kept even if you do not want to report it now.",
        "eligibility": "Everyone, whatever their age or gender. Children come with an adult they feel safe with.",
    },
    "krisesenter-bergen-kvinner": {
        "name": "Krisesenteret i Bergen – for women and children",
        "description": "You and your children can stay here safely for a while if someone in your family subjects you to violence or threats. You get someone to talk to and help with the next step, and the children have their own adults looking after them. You can also call just to talk.",
        "eligibility": "Women exposed to violence or threats in a close relationship, and their children.",
    },
    "krisesenter-bergen-menn": {
        "name": "Krisesenteret i Bergen – for men",
        "description": "Men who are subjected to violence by a partner or family can stay here for a while, alone or with their children. The accommodation is separate from the women's. You can call first for a talk without having to move in.",
        "eligibility": "Men exposed to violence or threats in a close relationship, and their children.",
    },
    "barnevernvakt-bergen": {
        "name": "Barnevernvakten i Bergen – child welfare emergency service",
        "description": "The child welfare emergency service helps when a child is not safe and the child welfare office is closed. You can call even if you are a child or a teenager. They can talk with you on the phone, come to your home or find a safe place to sleep tonight.",
        "eligibility": "Children and young people in Bergen, Askøy and Øygarden, and adults who are worried about a child.",
    },
    "statens-barnehus-bergen": {
        "name": "Statens barnehus Bergen – Children's House",
        "description": "The Children's House is a safe, child-friendly place where children and young people who may have been exposed to violence or abuse talk with the police in a special room. Afterwards the child can get a health check, talks and treatment. Parents and professionals can call for advice.",
        "eligibility": "Children and young people under 18 who may have experienced or seen violence or abuse.",
    },
    "familievern-bergen": {
        "name": "Familievernkontoret i Bergen – family counselling",
        "description": "Family counselling offers talks for couples, families and parents who are having a hard time. You can get help here also when there has been violence in the family, and children can have their own sessions. It is free, and you do not need a referral.",
        "eligibility": "Couples, families and parents in Bergen, Askøy, Øygarden and Alver.",
    },
    "familievern-stord": {
        "name": "Familievernkontoret Sunnhordland – family counselling",
        "description": "The family counselling office at Stord offers free talks for couples, families and parents in Sunnhordland. You can get help with separation, constant arguing and when there has been violence in the family.",
        "eligibility": "Couples, families and parents in Stord and the surrounding municipalities.",
        "alert": "The office is temporarily closed after water damage. Call the switchboard to get an appointment by video or at the office in Bergen.",
    },
    "hverdagskoordinator-bergen": {
        "name": "Hverdagskoordinator – everyday coordinator for families after violence (pilot)",
        "description": "An everyday coordinator is one named person who helps the family after violence with school, kindergarten, NAV, housing and appointments. The coordinator comes early, sees the whole family and stays with you over time. You do not have to tell everything again to everyone.",
        "eligibility": "Families with children in Bergen where there has been violence in a close relationship.",
    },
    "samtaler-utover-vold-bergen": {
        "name": "Bergen kommune – talks for people who use violence",
        "description": "Have you hit, threatened or frightened someone in your family, and do you want to stop? Here you get talks with a therapist who knows a lot about violence. The aim is for everyone in the family to be safe. The first time you call, you do not have to say who you are.",
        "eligibility": "Adults in Bergen who have used violence against a partner or children, or are afraid they will.",
    },
    "kompetanseteamet-tvangsekteskap": {
        "name": "Kompetanseteamet – forced marriage and negative social control",
        "description": "The team advises professionals on forced marriage, honour-based violence, negative social control and female genital mutilation. If you are affected yourself, you can call too. They can help you find a safe place to live.",
        "eligibility": "Professionals throughout Norway. If you are affected yourself, you can also get in touch.",
    },
    "alarmtelefonen-116111": {
        "name": "Alarmtelefonen for barn og unge – 116 111",
        "description": "Call 116 111 if you are a child or teenager and someone at home hits you, threatens you or makes you afraid. The adults who answer listen to you and can get help straight away, day and night. Adults can also call if they are worried about a child.",
        "eligibility": "Children and teenagers under 18. Adults who are worried about a child can call too.",
    },
    "mental-helse-116123": {
        "name": "Mental Helse Hjelpetelefonen – 116 123",
        "description": "The helpline is for anyone who needs someone to talk to, also at night. You can call when your thoughts get too heavy, also if you are thinking about ending your life. You can stay anonymous, and you can chat if you would rather write.",
        "eligibility": "Anyone who needs someone to talk to.",
    },
    "vestland-innvandrerad-veiledning": {
        "name": "Vestland Innvandreråd – advice in your language",
        "description": "Vestland Innvandreråd advises immigrants about rights, NAV, housing and where to get help if there is violence in the family. The advisers speak several languages and can go with you to meetings with public services.",
        "eligibility": "Immigrants and refugees in Vestland.",
    },
}
