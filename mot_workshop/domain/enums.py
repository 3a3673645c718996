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
