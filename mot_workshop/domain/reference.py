"""The method's reference texts a facilitator prints and reads out (seeds 000, 002, 003):
the FACT improvement process, the seven MOT improvement principles, the C = G complaint
formula, the complaining customer types and the H/S/H diagnosis of a touchpoint. English
source strings; ``tr`` gives the facilitators' Korean."""

from __future__ import annotations

from mot_workshop.i18n import tr


def fact_process() -> list[tuple[str, str]]:
    return [
        ("F — Find", tr("See with the customer's eyes: satisfaction survey per team, diagnosis of the contact points.")),
        ("A — Analysis", tr("Split the moments of truth by team and find the problems at each contact point.")),
        ("C — Change", tr("Turn to customer-first service: team improvement plans, service training, new contact "
                          "points for each customer segment.")),
        ("T — Teamwork", tr("A company-wide effort, so the customer feels the service.")),
    ]


def mot_principles() -> list[str]:
    return [
        tr("See with the customer's eyes."),
        tr("Understand the improvement methods and the process at the contact point."),
        tr("Draw out the CS improvement tasks and find the customer indicators."),
        tr("Share customer information."),
        tr("Everyone takes part in the improvement."),
        tr("The people who meet customers on the front line use their creativity."),
        tr("Tailor the service to the customer's characteristics."),
    ]


def complaint_steps() -> list[str]:
    """C = G (Complaint = Gift): the eight steps of handling a complaint."""
    return [
        tr("Say \"thank you\" (not \"sorry\")."),
        tr("Explain why you are grateful for the complaint."),
        tr("Apologise for what went wrong (listen first, then apologise)."),
        tr("Promise to solve the problem quickly."),
        tr("Get the information you need."),
        tr("Correct the mistake quickly."),
        tr("Check that the customer is satisfied (recovery)."),
        tr("Make sure it does not happen again."),
    ]


def complainer_types() -> list[tuple[str, str]]:
    return [
        ("Voicers", tr("Tell the company directly and want the wrong put right; they do not spread bad word.")),
        ("Passives", tr("Neither complain nor spread good word: indifferent, or keeping their anger to themselves.")),
        ("Irates", tr("Tell friends rather than the company, and stop buying.")),
        ("Activists", tr("Go to third parties — consumer bodies, lawyers, the press — and complain in public.")),
    ]


def hsh_elements() -> list[tuple[str, str]]:
    return [
        (tr("Hardware"), tr("Facilities and products: comfort, convenience, safety, number and location of stores, "
                            "product quality, variety, assortment and display.")),
        (tr("Software"), tr("Systems and processes: authority on site, rules, required documents, procedure and "
                            "speed, a customer-centred flow.")),
        (tr("Human"), tr("People: kindness, likeability, keeping the service standards, product and task "
                         "knowledge.")),
    ]
