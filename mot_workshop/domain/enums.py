"""The closed vocabularies of the method. Values are stored in the file as-is: never rename."""

from enum import StrEnum


class Element(StrEnum):
    """The three MOT elements (MOT 3대 요소)."""

    HARD = "HARD"
    SOFT = "SOFT"
    HUMAN = "HUMAN"


class Qcds(StrEnum):
    """Requirement characteristic: Quality, Cost, Delivery, Service."""

    Q = "Q"
    C = "C"
    D = "D"
    S = "S"


class MapKind(StrEnum):
    AS_IS = "as-is"
    TO_BE = "to-be"
    REDESIGN = "redesign"


class LaneKind(StrEnum):
    CUSTOMER = "customer"
    CONTACT = "contact"        # contact employee, front stage (접점사원)
    DEPARTMENT = "department"  # back stage (부서)
    SYSTEM = "system"          # computer systems
    OTHER = "other"


class Shape(StrEnum):
    """The seed legend (범례) of the As-Is / To-Be worksheet."""

    START_END = "start-end"
    ACTIVITY = "activity"
    DECISION = "decision"
    COMPUTER = "computer"            # computer processing (전산처리)
    CONNECTOR = "connector"          # connection within the process (프로세스내 연결)
    OTHER_PROCESS = "other-process"  # link to another process (다른 프로세스)


class Marker(StrEnum):
    """What another BPMN tool's gateway or event meant, kept on the step it became: a
    decision's gateway kind (exclusive is the decision itself) or an event's definition.
    Drawn as a small marker in the shape and written back on export."""

    PARALLEL = "parallel"                  # gateways (on a decision)
    INCLUSIVE = "inclusive"
    EVENT_BASED = "event-based"
    COMPLEX = "complex"
    TIMER = "timer"                        # event definitions (on a start / end or a connector)
    MESSAGE = "message"
    SIGNAL = "signal"
    ERROR = "error"
    ESCALATION = "escalation"
    CONDITIONAL = "conditional"
    LINK = "link"
    COMPENSATION = "compensation"
    CANCEL = "cancel"
    TERMINATE = "terminate"
    MULTIPLE = "multiple"
    PARALLEL_MULTIPLE = "parallel-multiple"


class EventRole(StrEnum):
    """How a connector's event acts; none: it waits for (catches) its trigger."""

    THROW = "throw"                                        # it sends the trigger
    BOUNDARY = "boundary"                                  # on the activity before it, cuts it short
    BOUNDARY_NON_INTERRUPTING = "boundary-non-interrupting"   # on the activity, which goes on


GATEWAY_MARKERS = frozenset({Marker.PARALLEL, Marker.INCLUSIVE, Marker.EVENT_BASED, Marker.COMPLEX})


def marker_applies(marker: "Marker | str | None", shape: "Shape | str") -> bool:
    """A gateway kind means something on a decision, an event definition on a start / end or
    a connector; anywhere else the marker is kept but neither drawn nor written."""
    if marker is None:
        return False
    if Marker(marker) in GATEWAY_MARKERS:
        return Shape(shape) == Shape.DECISION
    return Shape(shape) in (Shape.START_END, Shape.CONNECTOR)


class ValueClass(StrEnum):
    VA = "VA"    # value-adding for the customer
    BVA = "BVA"  # business value-adding (needed, not paid for by the customer)
    NVA = "NVA"  # non-value-adding: waste to remove


class ProcessRole(StrEnum):
    CORE = "core"
    SUPPORT = "support"


class Viewpoint(StrEnum):
    """Step 1 discussion viewpoints (the rows of the selection worksheet)."""

    CORE = "core"                  # core process selection, with start and end
    VOC_TOPIC = "voc-topic"        # topics with much VOC
    MOT_DISPUTE = "mot-dispute"    # MOT topics with many disputes
    SUPPORT = "support"            # support processes
    INTERNAL = "internal"          # internal-customer / back-stage support


class VocType(StrEnum):
    INQUIRY = "inquiry"
    COMPLAINT = "complaint"
    PROTEST = "protest"
    CLAIM = "claim"
    SUGGESTION = "suggestion"
    OTHER = "other"


class VocDirection(StrEnum):
    INBOUND = "inbound"    # pull: the customer comes to us
    OUTBOUND = "outbound"  # push: we ask the customer


class SurveyMethod(StrEnum):
    INTERVIEW = "interview"
    MAIL = "mail"
    PHONE = "phone"
    ONLINE = "online"
    DEPTH_INTERVIEW = "depth-interview"
    FOCUS_GROUP = "focus-group"
    OBSERVATION = "observation"
    MYSTERY_SHOPPING = "mystery-shopping"


class TargetKind(StrEnum):
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class StepStatus(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class VoteTarget(StrEnum):
    PROCESS = "process"
    STEP = "step"
    TOUCHPOINT = "touchpoint"


class Language(StrEnum):
    KO = "ko"
    EN = "en"
