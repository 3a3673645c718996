"""The method's fixed content (METHOD.md): the eight redesign steps with their questions,
the step-1 discussion viewpoints and the step-5 CS check-points.

Texts are English source strings; call ``tr`` on them where they are shown (the wizard,
the worksheets, the report), so the UI and the PDF say the same thing in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.enums import Viewpoint
from mot_workshop.i18n import tr


@dataclass(frozen=True)
class MethodStep:
    number: int
    title: str
    korean_term: str          # the facilitators' own name for it (shown in the Korean UI as is)
    question: str             # which of the four questions it answers
    purpose: str
    guiding_questions: tuple[str, ...]


def steps() -> tuple[MethodStep, ...]:
    """The eight steps of process redesign, texts in the current language."""
    know = tr("Do we know the right things to do?")
    doing = tr("Are we doing the right things?")
    change = tr("What can we reengineer or streamline?")
    working = tr("How do we know if it is working?")
    return (
        MethodStep(1, tr("Process classification and selection"), "프로세스 분류 및 선정", know,
                   tr("Classify the customer-service work into processes that cross departments and select "
                      "the core processes to redesign."),
                   (tr("Which processes cross two or more departments?"),
                    tr("Where does the VOC point, and where are the disputes at the moments of truth?"),
                    tr("Which processes promise the most innovation effect, and which are feasible?"))),
        MethodStep(2, tr("VOC survey and analysis"), "VOC 조사·분석", know,
                   tr("Hear the customer: key requirements, their Q/C/D/S characteristic and the level the "
                      "customer expects."),
                   (tr("Who is the customer of this process, and how did we ask them?"),
                    tr("What are the key requirements, and is each about quality, cost, delivery or service?"),
                    tr("Which indicator (CSI) shows whether a requirement is met?"))),
        MethodStep(3, tr("As-Is mapping"), "AS-IS Mapping", doing,
                   tr("Draw how the work flows today, across the customer, the contact employees and the "
                      "departments, with each step's output, measure and problems."),
                   (tr("Who is this process's customer, and what key OUTPUT do they receive?"),
                    tr("How important is each characteristic, and what is its current level?"),
                    tr("Which measure should track it, and what level does the customer expect?"),
                    tr("Which area is the top improvement priority?"))),
        MethodStep(4, tr("Benchmarking"), "Benchmarking", doing,
                   tr("Compare us with company A, company B and the best (TOP) on quality, cost, delivery "
                      "and service, and find the causes of the gaps."),
                   (tr("Where is the gap to the best largest?"),
                    tr("Is the gap a matter of design or of execution?"),
                    tr("Which ideas and cases can we adopt?"))),
        MethodStep(5, tr("To-Be mapping"), "TO-BE Mapping", doing,
                   tr("Draw the redesigned process: fewer hand-offs, less waiting, customer-centred contacts."),
                   tuple(cs_checkpoints())),
        MethodStep(6, tr("Obstacle analysis"), "저해요인 분석", change,
                   tr("Name what stands between today's process and the To-Be, and how to overcome it."),
                   (tr("What are the features of the current problem and of the To-Be?"),
                    tr("What hinders the change: rules, systems, skills, organisation?"),
                    tr("What solution removes each obstacle?"))),
        MethodStep(7, tr("Target management"), "목표관리", working,
                   tr("Set the measures and their targets against the current, competitor and "
                      "customer-required levels."),
                   (tr("What is the current level, and where are the competitors?"),
                    tr("What level does the customer require?"),
                    tr("Which target do we commit to?"))),
        MethodStep(8, tr("Process redesign"), "프로세스 REDESIGN", working,
                   tr("The final map with its key management indicators and key supplementary actions."),
                   (tr("Which few indicators will show the redesign works?"),
                    tr("Which supplementary actions, by whom and by when?"))),
    )


def step(number: int) -> MethodStep:
    return steps()[number - 1]


def viewpoints() -> dict[Viewpoint, str]:
    """Step 1's discussion viewpoints: the rows of the selection worksheet."""
    return {
        Viewpoint.CORE: tr("Core process selection, with its start and end"),
        Viewpoint.VOC_TOPIC: tr("Topics with much VOC (product, service, image)"),
        Viewpoint.MOT_DISPUTE: tr("MOT topics with many disputes (product, service, image)"),
        Viewpoint.SUPPORT: tr("Support processes (reliability, responsiveness, speed)"),
        Viewpoint.INTERNAL: tr("Internal-customer / back-stage support (online support, organisation, "
                               "hiring, contact-staff training, other)"),
    }


def cs_checkpoints() -> list[str]:
    """Step 5: the CS check-points to apply to the To-Be map."""
    return [
        tr("Is the contact procedure customer-centred?"),
        tr("Is its speed satisfying?"),
        tr("Can steps be simplified or merged?"),
        tr("Do contact and VOC staff have the authority they need?"),
        tr("Should the division of work change?"),
        tr("Are customer-oriented people at the contacts?"),
        tr("Where is computerisation or online service needed?"),
        tr("Which functions should be created, or procedures abolished?"),
    ]


def asis_questions() -> list[str]:
    """Step 3: the As-Is analysis questions answered for each As-Is map (seed 002)."""
    return [
        tr("Who is this process's customer?"),
        tr("What key OUTPUT do they receive from the process?"),
        tr("How important is each characteristic, and what is its current level?"),
        tr("Which measure should track each characteristic?"),
        tr("What level does the customer expect for each measure?"),
        tr("Which area is the top improvement priority?"),
    ]


# Step 1: the sub-aspect rows of each discussion viewpoint (seed 002), as stored codes.
VIEWPOINT_ASPECTS: dict[Viewpoint, tuple[str, ...]] = {
    Viewpoint.CORE: ("start-end",),
    Viewpoint.VOC_TOPIC: ("product", "service", "image"),
    Viewpoint.MOT_DISPUTE: ("product", "service", "image"),
    Viewpoint.SUPPORT: ("reliability", "responsiveness", "speed"),
    Viewpoint.INTERNAL: ("online", "organisation", "hiring", "training", "other"),
}


def aspect_name(code: str) -> str:
    """A sub-aspect's name in the current language (a free-text aspect is shown as is)."""
    names = {
        "start-end": tr("The process's start and end"), "product": tr("Product aspect"),
        "service": tr("Service aspect"), "image": tr("Image aspect"), "reliability": tr("Reliability"),
        "responsiveness": tr("Responsiveness"), "speed": tr("Speed"), "online": tr("Online support"),
        "organisation": tr("Organisation issues"), "hiring": tr("Hiring issues"), "training": tr("Contact-staff training"),
        "other": tr("Other"),
    }
    return names.get(code, code)
