"""What other apps add to a bright spot's form and page, without the registry knowing them.

Recognition adds the criteria a bright spot targets (R12–R14), the recognized models it may
replicate (R24) and where its recognition stands (R17). An app registers its parts once, in
`AppConfig.ready()`:

    bright_spot_parts.register(TargetedCriteria())

and the registry asks every part at each step:

    add_fields(form, unit=, year=)   fields of its own on the bright spot form, or choices for ours
    clean(form, cleaned)             check them together with the bright spot's own fields
    value(form)                      what the service is given to store (None: nothing)
    save(bright_spot=, value=)       store it, inside the service's transaction
    page(bright_spot)                what the bright spot's page shows of it (loaded at once)

`form_template` is drawn in the form after the staff in charge, `main_template` in the page's
main column, `side_template` beside it; each is left out when empty.
"""

PARTS: list["BrightSpotPart"] = []


class BrightSpotPart:
    name = ""
    form_template = ""
    main_template = ""
    side_template = ""

    def add_fields(self, form, *, unit, year: int) -> None:
        pass

    def clean(self, form, cleaned: dict) -> None:
        pass

    def value(self, form):
        return None

    def save(self, *, bright_spot, value) -> None:
        pass

    def page(self, bright_spot) -> dict:
        return {}


def register(part: BrightSpotPart) -> BrightSpotPart:
    PARTS.append(part)
    return part


def values_of(form) -> dict:
    """What each part of a valid form gives the service, by part name."""
    return {part.name: part.value(form) for part in PARTS}


def save_all(*, bright_spot, values: dict | None) -> None:
    for part in PARTS:
        part.save(bright_spot=bright_spot, value=(values or {}).get(part.name))


def page_of(bright_spot) -> dict:
    context = {}
    for part in PARTS:
        context.update(part.page(bright_spot))
    return {
        **context,
        "main_parts": [p.main_template for p in PARTS if p.main_template],
        "side_parts": [p.side_template for p in PARTS if p.side_template],
    }


def form_templates() -> list[str]:
    return [part.form_template for part in PARTS if part.form_template]
