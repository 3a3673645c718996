"""The worksheets of the core process 불만품을 교환한다: VOC (step 2), As-Is output analysis
(step 3), benchmarking against company A and B (step 4), obstacles (step 6), targets
(step 7), key indicators and supplementary actions (step 8).

Every row belongs to the core process; the builder adds ``process_id``.
"""

from __future__ import annotations

from mot_workshop.domain.enums import Qcds, SurveyMethod, TargetKind, VocDirection, VocType
from mot_workshop.sample.content.model import Key, T
from mot_workshop.sample.content.processes import CUSTOMER_SERVICE, EXCHANGES
from mot_workshop.sample.content.workshop import SERVICE, STORE_OPS, SUPPORT

VOC = (
    {"target_customer": T("여성의류 구매 고객 (VIP 회원)", "Womenswear customer (VIP member)"),
     "interviewee": T("40대 여성 회원 고객", "Member customer, woman in her forties"),
     "interviewer": T("윤미경 (고객상담실)", "Mikyung Yoon (customer service desk)"),
     "held_at": "2026-10-14 14:00", "place": T("본점 3층 고객상담실", "Main store, 3F customer service desk"),
     "method": SurveyMethod.INTERVIEW, "voc_type": VocType.COMPLAINT, "direction": VocDirection.INBOUND,
     "requirement": T("불량 상품 교환은 한 번에, 30분 안에 끝내 주세요. 결재 때문에 한 시간 넘게 기다렸습니다.",
                      "Please finish an exchange for a faulty item in one go, within 30 minutes. I waited "
                      "over an hour for a signature."),
     "characteristic": Qcds.D, "indicator": T("교환 소요시간", "Exchange time"),
     "expected_level": T("30분 이내", "Within 30 minutes")},
    {"target_customer": T("주말 가족 단위 방문 고객", "Weekend family shoppers"),
     "interviewee": T("교환 경험 고객 8명", "Eight customers who have exchanged goods"),
     "interviewer": T("정하윤 (CS 컨설팅)", "Hayun Jung (CS consulting)"),
     "held_at": "2026-10-18 11:00", "place": T("본점 12층 문화홀 소회의실", "Main store, 12F culture hall meeting room"),
     "method": SurveyMethod.FOCUS_GROUP, "voc_type": VocType.SUGGESTION, "direction": VocDirection.OUTBOUND,
     "requirement": T("영수증이 없어도 회원 구매 이력으로 교환해 주면 좋겠다.",
                      "Exchange goods on the member purchase record even without the receipt."),
     "characteristic": Qcds.S, "indicator": T("영수증 없는 교환 처리율", "Share of exchanges without a receipt"),
     "expected_level": T("회원 구매 건은 모두 이력으로 교환", "All member purchases exchanged on the record")},
    {"target_customer": T("교환 창구 (미스터리 쇼핑 평가)", "Exchange counter (mystery shopping)"),
     "interviewee": T("미스터리 쇼퍼 3명, 9개 매장", "Three mystery shoppers, nine departments"),
     "interviewer": T("CS 컨설팅 평가팀", "CS consulting assessment team"),
     "held_at": "2026-10-20 ~ 10-24", "place": T("본점 1~7층 매장", "Main store, floors 1 to 7"),
     "method": SurveyMethod.MYSTERY_SHOPPING, "voc_type": VocType.OTHER, "direction": VocDirection.OUTBOUND,
     "requirement": T("같은 하자를 두고 매장마다 불량 판정과 설명이 다르다. 판정 근거를 보여 주지 못한다.",
                      "The same fault gets a different verdict and explanation in each department, and "
                      "no one can show the grounds for it."),
     "characteristic": Qcds.Q, "indicator": T("판정 후 재문의율", "Repeat enquiries after the verdict"),
     "expected_level": T("모든 판매사원이 같은 기준으로 설명", "Every associate explains by the same standard")},
    {"target_customer": T("택배 교환 고객", "Customers exchanging by courier"),
     "interviewee": T("7층 가전 구매 고객", "Home appliance customer (7F)"),
     "interviewer": T("강태호 (고객상담실)", "Taeho Kang (customer service desk)"),
     "held_at": "2026-10-21 16:30", "place": T("고객센터 (전화)", "Customer centre (phone)"),
     "method": SurveyMethod.PHONE, "voc_type": VocType.INQUIRY, "direction": VocDirection.INBOUND,
     "requirement": T("교환 상품이 언제 오는지 알려 주지 않아 세 번이나 전화했다.",
                      "Nobody told me when the replacement would arrive; I had to call three times."),
     "characteristic": Qcds.D, "indicator": T("교환 배송 문의 건수", "Calls asking about exchange deliveries"),
     "expected_level": T("출고·도착 일정 문자 안내", "Texts with dispatch and arrival times")},
    {"target_customer": T("온라인 고객 만족도 설문 응답자", "Online satisfaction survey respondents"),
     "interviewee": T("교환 경험 고객 312명", "312 customers who have exchanged goods"),
     "interviewer": T("고객서비스팀", "Customer Service Team"),
     "held_at": "2026-10-01 ~ 10-15", "place": T("모바일 앱 설문", "Survey in the mobile app"),
     "method": SurveyMethod.ONLINE, "voc_type": VocType.CLAIM, "direction": VocDirection.OUTBOUND,
     "requirement": T("불량품 때문에 다시 왔는데 주차비까지 내야 한다. 교환 방문은 주차를 무료로 해 달라.",
                      "I came back because of a faulty item and still had to pay for parking. Make "
                      "parking free for exchange visits."),
     "characteristic": Qcds.C, "indicator": T("교환 고객 주차비 지원율", "Exchange visits with free parking"),
     "expected_level": T("교환 방문 시 2시간 무료 주차", "Two hours' free parking for an exchange visit")},
    {"target_customer": T("판매사원 (내부 고객)", "Sales associates (internal customers)"),
     "interviewee": T("직영·협력사 판매사원 6명", "Six associates, ours and the brands'"),
     "interviewer": T("조은비 (영업관리팀)", "Eunbi Jo (sales administration)"),
     "held_at": "2026-10-23 09:30", "place": T("본점 지하 2층 직원 교육장", "Main store, B2 staff training room"),
     "method": SurveyMethod.FOCUS_GROUP, "voc_type": VocType.SUGGESTION, "direction": VocDirection.OUTBOUND,
     "requirement": T("교환 권한이 없어 고객 앞에서 매니저만 기다리게 된다. 기준만 주면 우리가 처리할 수 있다.",
                      "With no authority we just wait for the manager in front of the customer. Give us "
                      "the rules and we can handle it."),
     "characteristic": Qcds.S, "indicator": T("현장 처리율", "Exchanges completed by the associate"),
     "expected_level": T("판매사원 단독 처리 80% 이상", "80% or more handled by the associate alone")},
)

OUTPUTS = (
    {"output": T("교환 상품", "Replacement item"), "characteristic": T("신속성", "Speed"), "importance": 5,
     "measure": T("교환 소요시간(분)", "Exchange time (min)"), "current_level": T("95분", "95 min"),
     "expected_level": T("30분 이내", "Within 30 min"), "target_level": T("20분", "20 min"), "priority": True},
    {"output": T("교환 상품", "Replacement item"), "characteristic": T("정확성", "Accuracy"), "importance": 4,
     "measure": T("재교환 건수(월)", "Repeat exchanges per month"), "current_level": T("12건", "12"),
     "expected_level": T("0건", "0"), "target_level": T("2건 이하", "2 or fewer"), "priority": False},
    {"output": T("불량 판정 결과", "Defect verdict"), "characteristic": T("일관성", "Consistency"), "importance": 4,
     "measure": T("판정 후 재문의율", "Repeat enquiries after the verdict"), "current_level": "18%",
     "expected_level": T("5% 이하", "5% or less"), "target_level": "5%", "priority": False},
    {"output": T("불량 확인서", "Defect report"), "characteristic": T("정확성", "Accuracy"), "importance": 3,
     "measure": T("작성 오류 건수(월)", "Errors per month"), "current_level": T("25건", "25"),
     "expected_level": T("0건", "0"), "target_level": T("0건", "0"), "priority": False},
    {"output": T("교환 진행 안내", "Progress updates"), "characteristic": T("적시성", "Timeliness"), "importance": 3,
     "measure": T("안내 약속 준수율", "Updates sent on time"), "current_level": "60%",
     "expected_level": "95%", "target_level": "95%", "priority": False},
)

_COMMON = {"major_process": CUSTOMER_SERVICE, "medium_process": EXCHANGES}

BENCHMARKS = (
    {**_COMMON, "problem": T("교환 소요시간이 길다", "Exchanges take too long"), "page_no": "p.12",
     "characteristic": Qcds.D, "measure": T("평균 교환 소요시간", "Average exchange time"),
     "unit": T("분", "min"), "higher_is_better": False, "us": 95, "company_a": 40, "company_b": 25, "top": 15,
     "size_class": "B", "design_or_execution": "D",
     "nature": T("승인 단계가 많아 기다리는 시간이 일하는 시간보다 길다.",
                 "Too many approval stages: customers wait longer than anyone works."),
     "gap_cause": T("판매사원에게 교환 권한이 없고 불량 확인서를 손으로 쓴다.",
                    "Associates have no authority to exchange, and defect reports are written by hand."),
     "ideas": T("A사: 플로어 매니저가 10만 원 이하는 현장에서 즉시 교환. B사: 앱으로 접수하고 방문 수거. "
                "TOP(해외 백화점): 조건 없는 교환 정책과 판매사원 재량권.",
                "Company A: floor managers exchange items under KRW 100,000 on the spot. Company B: "
                "request in the app, pick-up at home. TOP (an overseas department store): exchanges with "
                "no questions asked, at the associate's discretion.")},
    {**_COMMON, "problem": T("불량 판정 기준이 사람마다 다르다", "Defect verdicts depend on who judges"),
     "page_no": "p.13", "characteristic": Qcds.Q, "measure": T("판정 후 재문의율", "Repeat enquiries after the verdict"),
     "unit": "%", "higher_is_better": False, "us": 18, "company_a": 9, "company_b": 6, "top": 3,
     "size_class": "M", "design_or_execution": "E",
     "nature": T("같은 하자도 매장과 매니저에 따라 판정이 달라 재문의와 언쟁이 생긴다.",
                 "The same fault is judged differently by department and manager, causing repeat calls and arguments."),
     "gap_cause": T("품목별 판정 기준표와 교육이 없고, 협력사마다 기준이 다르다.",
                    "No checklist per product group, no training, and each brand has its own rules."),
     "ideas": T("A사: 품목별 불량 사진 예시집. B사: 사진 판정 후 자동 승인.",
                "Company A: a photo book of typical defects per product group. Company B: approval "
                "straight after a photo check.")},
    {**_COMMON, "problem": T("교환하려면 고객이 여러 번 와야 한다", "Customers must come back to exchange"),
     "page_no": "p.14", "characteristic": Qcds.C, "measure": T("교환 완료까지 방문 횟수", "Visits until the exchange is done"),
     "unit": T("회", "visits"), "higher_is_better": False, "us": 1.8, "company_a": 1.3, "company_b": 1.0,
     "top": 1.0, "size_class": "M", "design_or_execution": "D",
     "nature": T("재고가 없거나 결재가 늦으면 다시 와야 하고, 그때마다 주차비와 시간이 든다.",
                 "No stock or a late sign-off means another visit, with parking fees and time each time."),
     "gap_cause": T("점포 간 재고를 볼 수 없고 택배 교환 일정을 알려 주지 않는다.",
                    "Stock in other stores is invisible and courier exchanges come without a date."),
     "ideas": T("B사: 집으로 교환 상품을 보내고 불량품을 같은 날 수거. 교환 방문 고객 주차 무료.",
                "Company B: sends the replacement home and collects the faulty item the same day. Free "
                "parking for exchange visits.")},
    {**_COMMON, "problem": T("교환 진행 상황을 알 수 없다", "Customers cannot follow their exchange"),
     "page_no": "p.15", "characteristic": Qcds.S, "measure": T("진행 상황 알림 제공률", "Exchanges with progress messages"),
     "unit": "%", "higher_is_better": True, "us": 0, "company_a": 50, "company_b": 100, "top": 100,
     "size_class": "I", "design_or_execution": "E",
     "nature": T("접수 후 결과를 알려 주지 않아 문의 전화가 몰린다.",
                 "Nobody reports back after the request, so customers call to ask."),
     "gap_cause": T("교환 이력이 전산에 없어 알림을 보낼 수 없다.",
                    "Exchanges are not recorded in the system, so no message can be sent."),
     "ideas": T("B사: 접수·출고·도착 단계별 알림톡. TOP: 만족도 설문을 붙인 완료 알림.",
                "Company B: messages at request, dispatch and arrival. TOP: a completion message with a "
                "satisfaction survey.")},
)

# Obstacles point at the As-Is step whose problem they are (resolved in the As-Is map).
OBSTACLES = (
    {"source_step_id": Key("step", "signoff"),
     "current_features": T("모든 교환이 팀장 서면 결재를 거쳐 평균 25분을 기다린다.",
                           "Every exchange waits 25 minutes on average for the section manager's written sign-off."),
     "tobe_features": T("판매사원이 30만 원 이하 불량 교환을 직접 승인한다 (현장 권한 위임).",
                        "Associates approve exchanges of faulty items up to KRW 300,000 themselves."),
     "obstacle": T("권한 위임에 따른 부정 교환 우려와 내부 통제 규정", "Fear of fraudulent exchanges; internal control rules"),
     "solution": T("금액 한도와 일일 교환 리포트로 사후 모니터링, 감사팀과 규정 개정 협의",
                   "Amount limit plus a daily exchange report checked afterwards; revise the rules with the audit team")},
    {"source_step_id": Key("step", "report"),
     "current_features": T("불량 확인서를 손으로 써서 월 25건의 오류가 난다.",
                           "Defect reports are handwritten, with 25 errors a month."),
     "tobe_features": T("모바일 POS에서 사진을 붙인 전자 확인서를 등록한다.",
                        "An electronic report with photos is recorded on the mobile POS."),
     "obstacle": T("모바일 POS 단말이 부족하고 개발 예산이 잡혀 있지 않다.",
                   "Too few mobile POS devices and no development budget."),
     "solution": T("시범 매장 20대 먼저 도입, 전산정보팀 내년 1분기 개발 일정에 반영",
                   "Start with 20 devices in pilot departments; add to IT's Q1 development plan")},
    {"source_step_id": Key("step", "judge"),
     "current_features": T("매니저마다 불량 판정 기준이 다르다.", "Each manager judges defects differently."),
     "tobe_features": T("품목별 판정 기준표로 판매사원이 일관되게 판정한다.",
                        "Associates judge consistently with a checklist per product group."),
     "obstacle": T("협력사(입점 브랜드)마다 불량 기준과 비용 분담이 다르다.",
                   "Each brand has its own defect rules and cost sharing."),
     "solution": T("주요 협력사 30곳과 불량 기준·비용 분담 협약을 맺고 기준표를 함께 만든다.",
                   "Agree defect rules and cost sharing with the 30 main brands and write the checklist together")},
    {"source_step_id": Key("step", "courier"),
     "current_features": T("매장 재고가 없으면 물류센터 택배로 2~3일이 걸린다.",
                           "Without store stock the replacement takes two to three days by courier."),
     "tobe_features": T("타 점포 재고를 당일 이관하거나 퀵으로 보내고 일정을 문자로 알린다.",
                        "Same-day transfer from another store or a courier, with the schedule sent by text."),
     "obstacle": T("점포 간 이관 비용과 물류 인력 부족", "Cost of transfers between stores; too few logistics staff"),
     "solution": T("교환 건 우선 이관 규칙을 만들고 퀵 배송비는 협력사와 분담한다.",
                   "Exchanges go first in transfers; courier costs shared with the brands")},
)

TARGETS = (
    {"measure": T("평균 교환 소요시간", "Average exchange time"), "kind": TargetKind.QUANTITATIVE,
     "unit": T("분", "min"), "higher_is_better": False,
     "current": "95", "competitor": "40", "required_level": "30", "target": "20"},
    {"measure": T("판매사원 현장 처리율", "Exchanges completed by the associate"), "kind": TargetKind.QUANTITATIVE,
     "unit": "%", "higher_is_better": True, "current": "0", "competitor": "60", "required_level": "80", "target": "85"},
    {"measure": T("판정 후 재문의율", "Repeat enquiries after the verdict"), "kind": TargetKind.QUANTITATIVE,
     "unit": "%", "higher_is_better": False, "current": "18", "competitor": "9", "required_level": "5", "target": "5"},
    {"measure": T("교환 고객 만족도 (CSI)", "Exchange customer satisfaction (CSI)"), "kind": TargetKind.QUANTITATIVE,
     "unit": T("점", "points"), "higher_is_better": True,
     "current": "62", "competitor": "78", "required_level": "85", "target": "85"},
    {"measure": T("교환 응대 품질", "Quality of exchange service"), "kind": TargetKind.QUALITATIVE,
     "unit": "", "higher_is_better": True,
     "current": T("형식적인 사과, 기다리는 이유를 설명하지 않는다", "A token apology; no one explains the wait"),
     "competitor": T("A사: 대기 중 음료 제공과 진행 상황 안내", "Company A: a drink and progress updates while waiting"),
     "required_level": T("기다리게 하지 말고, 기다려야 하면 이유와 시간을 알려 달라",
                         "Don't make me wait; if I must, tell me why and for how long"),
     "target": T("'불만 = 선물' 8단계 응대를 모든 판매사원이 실행 (미스터리 쇼핑 90점 이상)",
                 "Every associate follows the 8-step 'complaint = gift' recovery (mystery shopping 90+)")},
)

KEY_INDICATORS = (
    {"name": T("평균 교환 소요시간", "Average exchange time"),
     "definition": T("교환 접수부터 교환 상품 인도까지 걸린 시간의 월 평균 (모바일 POS 기록)",
                     "Monthly average time from request to hand-over of the replacement (mobile POS timestamps)"),
     "target": T("20분 이내", "20 minutes or less"), "owner": SERVICE},
    {"name": T("현장 처리율", "On-the-spot completion rate"),
     "definition": T("매니저 결재 없이 판매사원이 끝낸 교환 건수 ÷ 전체 교환 건수",
                     "Exchanges completed by the associate without a manager ÷ all exchanges"),
     "target": T("85% 이상", "85% or more"), "owner": STORE_OPS},
    {"name": T("교환 고객 만족도", "Exchange customer satisfaction"),
     "definition": T("교환 완료 알림톡 설문(5점 척도) 평균을 100점으로 환산",
                     "Average of the five-point survey sent with the completion message, scaled to 100"),
     "target": T("85점 이상", "85 points or more"), "owner": SERVICE},
)

ACTIONS = (
    {"description": T("판매사원 교환 권한 위임 규정 개정 (30만 원 이하)",
                      "Revise the rules to let associates approve exchanges up to KRW 300,000"),
     "owner": STORE_OPS, "due": "2026-12-15", "done": False},
    {"description": T("모바일 POS 전자 불량 확인서 개발과 시범 운영", "Build and pilot the electronic defect report on the mobile POS"),
     "owner": SUPPORT, "due": "2027-01-31", "done": False},
    {"description": T("품목별 불량 판정 기준표 작성과 판매사원 교육", "Write the defect checklists per product group and train associates"),
     "owner": SERVICE, "due": "2026-12-31", "done": False},
    {"description": T("교환 완료 알림톡과 만족도 설문 도입", "Introduce the completion message with a satisfaction survey"),
     "owner": SERVICE, "due": "2027-02-28", "done": False},
)
