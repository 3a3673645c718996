"""Steps 3, 5 and 8 for the core process 불만품을 교환한다: the As-Is swimlane map drawn from
scratch, the To-Be derived from it and redesigned (the approval loop goes: contact staff are
empowered, the paper report becomes computer processing), and the Redesign derived from the
To-Be with a last service added.

As-Is figures (the workshop's narrative depends on them; tests check them): 16 steps,
13 hand-offs between lanes, 120 minutes of waiting in all, 95 minutes from request to
hand-over when the item is in store stock. To-Be: 13 steps, 9 hand-offs, 32 minutes of
waiting, 20 minutes for an exchange from store stock.
"""

from __future__ import annotations

from mot_workshop.domain.enums import LaneKind, MapKind, Shape, ValueClass
from mot_workshop.sample.content.model import (
    Add,
    At,
    Delete,
    DerivedSpec,
    Key,
    MapSpec,
    RemovePhase,
    T,
    Update,
    UpdateAll,
)

VA, BVA, NVA = ValueClass.VA, ValueClass.BVA, ValueClass.NVA
YES, NO = T("예", "Yes"), T("아니오", "No")


def _lane(kind: LaneKind, name: T) -> dict:
    return {"kind": kind, "name": name}


def _step(lane: str, shape: Shape, at: At, label: T, *, duration: float = 0, wait: float = 0,
          value: ValueClass | None = None, output: T | str = "", measure: T | str = "",
          problems: T | str = "", mot: bool = False, touchpoint: str | None = None,
          linked_process: str | None = None) -> dict:
    return {"lane_id": Key("lane", lane), "shape": shape, "x": at, "y": 0.0, "label": label,
            "duration": duration, "wait": wait, "value_class": value, "output": output,
            "measure": measure, "problems": problems, "is_mot": mot,
            "touchpoint_id": Key("touchpoint", touchpoint) if touchpoint else None,
            "linked_process_id": Key("process", linked_process) if linked_process else None}


def _flow(source: str, target: str, label: T | str = "", condition: T | str = "") -> dict:
    return {"source_id": Key("step", source), "target_id": Key("step", target),
            "label": label, "condition": condition}


AS_IS = MapSpec(
    kind=MapKind.AS_IS,
    title=T("(불만품 교환) MOT/VOC 프로세스 — As-Is", "(Defective-goods exchange) MOT/VOC process — As-Is"),
    notes=T("매장 재고가 있으면 접수부터 인도까지 95분이 걸린다. 시간의 대부분은 매니저 판정(15분)과 "
            "팀장 결재(25분)를 기다리는 시간이고, 고객은 그동안 이유도 모른 채 매장에서 기다린다.",
            "With the item in store stock, an exchange takes 95 minutes from request to hand-over. "
            "Most of it is waiting for the manager's verdict (15 minutes) and the section manager's "
            "sign-off (25 minutes), while the customer waits in the store without being told why."),
    lanes=(
        ("customer", _lane(LaneKind.CUSTOMER, T("고객", "Customer"))),
        ("contact", _lane(LaneKind.CONTACT, T("접점사원 (판매사원)", "Contact employee (sales associate)"))),
        ("store", _lane(LaneKind.DEPARTMENT, T("매장관리 (플로어 매니저·팀장)",
                                               "Store management (floor and section managers)"))),
        ("logistics", _lane(LaneKind.DEPARTMENT, T("물류 (창고·물류센터)", "Logistics (stock room, logistics centre)"))),
        ("system", _lane(LaneKind.SYSTEM, T("전산시스템 (POS·재고)", "Computer system (POS, stock)"))),
    ),
    phases=(
        ("receive", {"name": T("접수", "Receive"), "width": 360.0}),
        ("check", {"name": T("확인", "Check"), "width": 360.0}),
        ("approve", {"name": T("승인", "Approve"), "width": 360.0}),
        ("exchange", {"name": T("교환", "Exchange"), "width": 360.0}),
        ("close", {"name": T("종결", "Close"), "width": 360.0}),
    ),
    steps=(
        ("visit", _step("customer", Shape.START_END, At("receive", 75),
                        T("불량 상품을 가지고 매장을 방문한다", "Brings the faulty item to the store"))),
        ("receive", _step(
            "contact", Shape.ACTIVITY, At("receive", 180),
            T("교환 요청을 접수하고 영수증을 확인한다", "Takes the exchange request and checks the receipt"),
            duration=5, wait=5, value=VA, mot=True, touchpoint="s09",
            output=T("교환 접수 내용", "Exchange request details"),
            measure=T("접수 대기시간(분)", "Wait before the request is taken (min)"),
            problems=T("판매사원이 다른 고객을 응대 중이면 기다려야 한다. 영수증이 없으면 접수를 거절하기도 한다.",
                       "If the associate is serving someone else the customer waits; without a receipt the "
                       "request is sometimes refused."))),
        ("lookup", _step(
            "system", Shape.COMPUTER, At("receive", 285),
            T("POS에서 구매 이력을 조회한다", "Looks up the purchase in the POS"),
            duration=3, value=BVA, output=T("구매 이력", "Purchase record"),
            problems=T("비회원 구매는 카드 승인번호로만 찾을 수 있어 오래 걸린다.",
                       "Non-member purchases can only be found by the card authorisation number, which is slow."))),
        ("report", _step(
            "contact", Shape.ACTIVITY, At("check", 60),
            T("불량 확인서를 손으로 작성한다", "Fills in a paper defect report"),
            duration=5, value=NVA, output=T("불량 확인서 (수기)", "Defect report (paper)"),
            measure=T("확인서 작성 오류 건수", "Errors on defect reports"),
            problems=T("POS에 있는 정보를 종이에 다시 옮겨 적는다. 항목 누락과 오기가 월 25건이다.",
                       "Information already in the POS is copied onto paper; 25 missing or wrong entries a month."))),
        ("judge", _step(
            "store", Shape.DECISION, At("check", 165),
            T("불량인가? (매니저 판정)", "Defect? (manager's verdict)"),
            duration=3, wait=15, value=BVA, output=T("불량 판정 결과", "Defect verdict"),
            measure=T("판정 대기시간(분)", "Wait for the verdict (min)"),
            problems=T("플로어 매니저를 호출해 평균 15분을 기다린다. 판정 기준이 매니저마다 다르다.",
                       "The floor manager is called and the customer waits 15 minutes on average; each "
                       "manager judges differently."))),
        ("explain", _step(
            "contact", Shape.ACTIVITY, At("check", 225),
            T("불량이 아님을 설명하고 유상 수선을 안내한다", "Explains it is not a defect and offers a paid repair"),
            duration=10, value=BVA, mot=True,
            problems=T("판정 근거로 보여 줄 자료가 없어 고객과 언쟁이 생긴다.",
                       "With nothing to show as grounds for the verdict, arguments follow."))),
        ("to_close", _step("contact", Shape.CONNECTOR, At("check", 335), T("A", "A"))),
        ("request", _step(
            "store", Shape.ACTIVITY, At("approve", 90),
            T("교환 승인 요청서를 작성한다", "Writes an exchange approval request"),
            duration=5, value=NVA, output=T("교환 승인 요청서", "Exchange approval request"),
            problems=T("판매사원에게 교환 권한이 없어 금액과 관계없이 모든 건이 서면 결재를 거친다.",
                       "Associates have no authority, so every exchange, whatever the amount, needs a "
                       "written sign-off."))),
        ("signoff", _step(
            "store", Shape.ACTIVITY, At("approve", 255),
            T("팀장이 교환을 결재한다", "The section manager signs off the exchange"),
            duration=2, wait=25, value=NVA, output=T("결재된 요청서", "Signed request"),
            measure=T("결재 대기시간(분)", "Wait for sign-off (min)"),
            problems=T("팀장이 회의나 매장 순회 중이면 25분 넘게 기다린다. 고객은 이유도 모른 채 매장에서 기다린다.",
                       "When the section manager is in a meeting or out on the floor the wait passes 25 "
                       "minutes; the customer waits in the store without being told why."))),
        ("slip", _step(
            "system", Shape.COMPUTER, At("exchange", 60),
            T("교환 전표를 발행하고 재고를 조회한다", "Issues the exchange slip and checks stock"),
            duration=3, wait=5, value=BVA, output=T("교환 전표", "Exchange slip"),
            measure=T("전표 오류 건수", "Slip errors"))),
        ("in_stock", _step("contact", Shape.DECISION, At("exchange", 165),
                           T("매장 재고가 있는가?", "In stock at the store?"), duration=1, value=BVA)),
        ("fetch", _step(
            "logistics", Shape.ACTIVITY, At("exchange", 270),
            T("창고에서 교환 상품을 출고한다", "Issues the replacement from the stock room"),
            duration=5, wait=10, value=BVA,
            problems=T("창고 담당자에게 전화로 요청하고 순서를 기다린다.",
                       "The associate phones the stock room and waits their turn."))),
        ("courier", _step(
            "logistics", Shape.OTHER_PROCESS, At("close", 75),
            T("구매 상품을 배송한다 (택배 교환)", "Deliver purchased goods (exchange by courier)"),
            wait=60, linked_process="delivery", output=T("택배 교환 접수", "Courier exchange order"),
            problems=T("매장 재고가 없으면 물류센터 택배로 2~3일 뒤에 받는다. 고객은 진행 상황을 알 수 없다.",
                       "Without store stock the replacement comes by courier from the logistics centre two "
                       "or three days later, and the customer cannot follow its progress."))),
        ("from_check", _step("contact", Shape.CONNECTOR, At("close", 60), T("A", "A"))),
        ("handover", _step(
            "contact", Shape.ACTIVITY, At("close", 165),
            T("교환 상품을 건네고 불편에 대해 사과한다", "Hands over the replacement and apologises for the trouble"),
            duration=3, value=VA, mot=True, output=T("교환 상품", "Replacement item"),
            measure=T("교환 소요시간(분)", "Exchange time (min)"),
            problems=T("접수 후 평균 95분이 지나 사과가 형식적으로 들린다.",
                       "Ninety-five minutes after the request, the apology sounds hollow."))),
        ("leave", _step("customer", Shape.START_END, At("close", 300),
                        T("교환을 마치고 매장을 떠난다", "Leaves the store with the matter settled"))),
    ),
    flows=(
        ("f_visit", _flow("visit", "receive")),
        ("f_receive", _flow("receive", "lookup")),
        ("f_lookup", _flow("lookup", "report")),
        ("f_report", _flow("report", "judge")),
        ("judge_yes", _flow("judge", "request", YES, T("불량으로 판정", "Defect confirmed"))),
        ("judge_no", _flow("judge", "explain", NO, T("불량 아님", "Not a defect"))),
        ("f_explain", _flow("explain", "to_close")),
        ("f_jump", _flow("to_close", "from_check", "A")),
        ("f_from_check", _flow("from_check", "leave")),
        ("f_request", _flow("request", "signoff")),
        ("f_signoff", _flow("signoff", "slip")),
        ("f_slip", _flow("slip", "in_stock")),
        ("stock_yes", _flow("in_stock", "fetch", YES, T("매장 재고 있음", "In stock"))),
        ("stock_no", _flow("in_stock", "courier", NO, T("재고 없음", "Out of stock"))),
        ("f_fetch", _flow("fetch", "handover")),
        ("handover_end", _flow("handover", "leave")),
        ("courier_end", _flow("courier", "leave")),
    ),
)

TO_BE = DerivedSpec(
    kind=MapKind.TO_BE,
    source=MapKind.AS_IS,
    title=T("(불만품 교환) MOT/VOC 프로세스 — To-Be", "(Defective-goods exchange) MOT/VOC process — To-Be"),
    notes=T("판매사원에게 30만 원 이하 불량 교환 권한을 위임해 승인 단계를 없앴다. 불량 확인서는 모바일 POS의 "
            "전자 확인서로 바꾸고, 불량 판정은 품목별 기준표로 판매사원이 한다. 매장 재고가 있으면 교환 20분.",
            "Sales associates may now approve exchanges of faulty items up to KRW 300,000, so the approval "
            "stage is gone. The paper report becomes an electronic report on the mobile POS, and the "
            "associate judges the defect with a checklist per product group. From store stock an "
            "exchange takes 20 minutes."),
    edits=(
        # Empower the contact staff: no approval request, no sign-off, no separate report.
        Delete("step", "request"),
        Delete("step", "signoff"),
        Delete("step", "report"),
        RemovePhase("approve"),
        Update("phase", "check", {"name": T("확인·판정", "Check and judge")}),
        Update("step", "receive", {
            "label": T("교환 요청을 접수하고 회원 구매 이력을 확인한다",
                       "Takes the exchange request and checks the member's purchase history"),
            "duration": 3, "wait": 2}),
        Update("step", "lookup", {
            "label": T("모바일 POS로 구매 이력을 조회하고 불량 사진을 등록한다",
                       "Looks up the purchase and records photos of the defect on the mobile POS"),
            "output": T("전자 불량 확인서", "Electronic defect report"),
            "measure": T("전자 확인서 등록률", "Share of electronic defect reports")}),
        Update("step", "judge", {
            "lane_id": Key("lane", "contact"), "x": At("check", 75),
            "label": T("불량인가? (판정 기준표)", "Defect? (judged with the checklist)"),
            "duration": 2, "wait": 0, "measure": T("판정 후 재문의율", "Repeat enquiries after the verdict")}),
        Update("step", "explain", {
            "x": At("check", 225),
            "label": T("기준표를 보여 주며 설명하고 무상 수선을 제안한다",
                       "Shows the checklist, explains, and offers a free repair")}),
        Add("flow", "f_lookup_judge", _flow("lookup", "judge")),
        Add("flow", "judge_yes", _flow("judge", "slip", YES, T("불량으로 판정", "Defect confirmed"))),
        Update("step", "slip", {
            "label": T("교환을 즉시 전산 처리하고 재고를 조회한다", "Processes the exchange at once and checks stock"),
            "duration": 2, "wait": 0}),
        Update("step", "in_stock", {"x": At("exchange", 90)}),
        Update("step", "fetch", {
            "lane_id": Key("lane", "contact"), "x": At("exchange", 240),
            "label": T("매장 재고에서 교환 상품을 바로 꺼내 준다", "Takes the replacement straight from floor stock"),
            "wait": 0, "value_class": VA}),
        Update("step", "courier", {
            "label": T("구매 상품을 배송한다 (당일 점포 이관·퀵 배송)",
                       "Deliver purchased goods (same-day store transfer or courier)"),
            "wait": 30}),
        Update("step", "handover", {
            "label": T("교환 상품을 건네고 감사 인사를 한다", "Hands over the replacement and thanks the customer"),
            "duration": 2}),
        # A To-Be map shows outputs and measures, not the old problems.
        UpdateAll("step", {"problems": ""}),
    ),
)

REDESIGN = DerivedSpec(
    kind=MapKind.REDESIGN,
    source=MapKind.TO_BE,
    title=T("(불만품 교환) MOT/VOC 프로세스 — Redesign", "(Defective-goods exchange) MOT/VOC process — Redesign"),
    notes=T("To-Be에 교환 완료 알림톡과 만족도 설문을 더해 핵심 관리지표(교환 고객 만족도)를 매일 측정한다. "
            "점포 간 재고 공유로 택배 교환의 대기를 20분으로 줄였다.",
            "Adds an exchange-complete message with a satisfaction survey to the To-Be, so the key "
            "indicator (exchange customer satisfaction) is measured every day. Stock shared between "
            "stores cuts the wait for courier exchanges to 20 minutes."),
    edits=(
        Delete("flow", "handover_end"),
        Delete("flow", "courier_end"),
        Add("step", "notify", _step(
            "system", Shape.COMPUTER, At("close", 225),
            T("교환 완료 알림톡과 만족도 설문을 보낸다", "Sends an exchange-complete message with a satisfaction survey"),
            duration=1, value=BVA, output=T("교환 완료 알림톡", "Exchange-complete message"),
            measure=T("교환 고객 만족도(점)", "Exchange customer satisfaction (score)"))),
        Add("flow", "handover_notify", _flow("handover", "notify")),
        Add("flow", "courier_notify", _flow("courier", "notify")),
        Add("flow", "notify_end", _flow("notify", "leave")),
        Update("step", "courier", {
            "label": T("구매 상품을 배송한다 (점포 간 재고 공유·당일 배송)",
                       "Deliver purchased goods (shared store stock, same-day delivery)"),
            "wait": 20}),
        Update("step", "judge", {"label": T("불량인가? (협력사와 합의한 기준표)",
                                            "Defect? (checklist agreed with the brands)")}),
    ),
)

MAPS = (AS_IS, TO_BE, REDESIGN)
