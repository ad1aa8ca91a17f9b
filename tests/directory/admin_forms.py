"""Fill in Wagtail admin forms over HTTP as a browser does: read the form the admin
rendered, keep every value it shows, change only what the test changes."""

from bs4 import BeautifulSoup

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


def form_values(html, form_id="page-edit-form"):
    """The values a browser would send for the form (checked boxes only, the selected
    or first option of a list)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = [o.get("value", o.text) for o in field.find_all("option")]
            selected = [
                o.get("value", o.text)
                for o in field.find_all("option")
                if o.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = selected
            elif selected or chosen:
                data[name] = (selected or chosen)[0]
        else:
            kind = field.get("type", "text").lower()
            if kind in SKIPPED_INPUTS:
                continue
            if kind in ("checkbox", "radio"):
                if field.has_attr("checked"):
                    value = field.get("value", "on")
                    if kind == "checkbox" and name in data:
                        existing = data[name]
                        data[name] = [
                            *(existing if isinstance(existing, list) else [existing]),
                            value,
                        ]
                    else:
                        data[name] = value
                continue
            data[name] = field.get("value", "")
    return data


def edit_form(client, page, **changes):
    """The page's edit form as the admin shows it to this client, with changes."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = form_values(response.content.decode())
    data.update(changes)
    return data


def add_form(client, model, parent, **values):
    """The form for a new page of model (app_label.model) below parent."""
    app_label, model_name = model.split(".")
    response = client.get(f"/admin/pages/add/{app_label}/{model_name}/{parent.pk}/")
    assert response.status_code == 200, response.status_code
    data = form_values(response.content.decode())
    data.update(values)
    return data
