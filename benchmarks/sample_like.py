"""A workshop shaped like the sample (one core process with As-Is, To-Be and Redesign maps,
an MOT cycle, every worksheet table filled, teams, votes and parking-lot notes), in Korean
or English, for the report benchmark and the PDF tests while they do not depend on the
sample itself. Written in one ``InsertEntities`` command with ids fixed in advance.

    python benchmarks/sample_like.py OUT.motw [--lang ko|en]
"""

from __future__ import annotations

import sys
from pathlib import Path

from mot_workshop.domain.cycle import Cycle, Touchpoint
from mot_workshop.domain.facilitation import Note, StepProgress, Vote
from mot_workshop.domain.method_data import AsIsAnswer, CsCheck, Interview, QcdsScore, ViewpointAspect
from mot_workshop.domain.process import Flow, Lane, Phase, Process, ProcessMap, Step
from mot_workshop.domain.workshop import Participant, Team
from mot_workshop.domain.worksheets import Action, Benchmark, KeyIndicator, Obstacle, OutputAnalysis, Target, VocEntry
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.entities import UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store

WORKSHOP = {
    "title": ("고객접점(MOT) 개선 워크숍", "Moment-of-Truth improvement workshop"),
    "organisation": ("한빛백화점 강남점", "Hanbit Department Store, Gangnam"),
    "facilitator": ("박휘섭 전문위원", "Park Hwi-seop, senior consultant"),
    "place": ("본사 7층 대회의실", "Head office, 7th-floor boardroom"),
    "benchmark_a": ("A백화점", "Store A"),
    "benchmark_b": ("B몰", "Mall B"),
}
TEAMS = (("고객지원팀", "Customer support team", "#2a6f97", (("김민지", "Kim Min-ji"), ("이준호", "Lee Jun-ho"))),
         ("매장운영팀", "Store operations team", "#c9b48a", (("박서연", "Park Seo-yeon"), ("최도윤", "Choi Do-yun"))))
PROCESSES = (
    ("불만품을 교환한다", "Exchange defective goods", "서비스", "Service", "교환·환불", "Exchange and refund", 5, 4, True),
    ("상품권을 판매한다", "Sell gift certificates", "영업", "Sales", "상품권", "Gift certificates", 3, 5, False),
    ("구매 상품을 배송한다", "Deliver purchased goods", "물류", "Logistics", "배송", "Delivery", 4, 3, True),
    ("주차를 안내한다", "Guide parking", "시설", "Facilities", "주차", "Parking", 2, 4, False),
)
TOUCHPOINTS = (  # name, element, level, importance, critical
    (("주차장 입구 표지판을 본다", "Sees the car-park entrance sign"), "HARD", 4, 3, False),
    (("주차장으로 진입한다", "Drives into the car park"), "HARD", 3, 3, False),
    (("주차 요원의 안내를 받는다", "Is guided by the parking attendant"), "HUMAN", 4, 4, True),
    (("주차 티켓을 받는다", "Takes a parking ticket"), "SOFT", 3, 3, False),
    (("빈 자리를 찾는다", "Looks for a space"), "HARD", 2, 5, True),
    (("주차한다", "Parks"), "HARD", 4, 3, False),
    (("매장으로 걸어간다", "Walks to the store"), "HARD", 3, 2, False),
    (("쇼핑한다", "Shops"), "HUMAN", 4, 5, False),
    (("구매 후 차로 돌아온다", "Returns to the car after buying"), "HARD", 3, 3, False),
    (("출구로 운전해 간다", "Drives to the exit"), "HARD", 3, 2, False),
    (("주차 요금을 정산한다", "Pays the parking fee"), "SOFT", 1, 5, True),
    (("주차장을 나간다", "Leaves the car park"), "HARD", 4, 3, False),
)
LANES = (("customer", "고객", "Customer"), ("contact", "접점사원 (판매사원)", "Contact employee (sales associate)"),
         ("department", "매장관리", "Store management"), ("department", "물류", "Logistics"),
         ("system", "전산시스템 (POS·재고)", "Computer system (POS, stock)"))
PHASES = (("접수", "Receive"), ("확인", "Check"), ("승인", "Approve"), ("교환", "Exchange"), ("종결", "Close"))
# key, lane, shape, x, label, duration, wait, value, output, measure, problems, mot
AS_IS_STEPS = (
    ("visit", 0, "start-end", 70, ("불량 상품을 가지고 매장을 방문한다", "Brings the faulty item to the store"), 0, 0, None, "", "", "", False),
    ("receive", 1, "activity", 150, ("교환 요청을 접수하고 영수증을 확인한다", "Takes the request and checks the receipt"), 5, 5, "VA",
     ("교환 접수 내용", "Request details"), ("접수 대기시간(분)", "Wait before intake (min)"),
     ("판매사원이 다른 고객을 응대 중이면 기다려야 한다.", "If the associate is busy the customer waits."), True),
    ("lookup", 4, "computer", 190, ("POS에서 구매 이력을 조회한다", "Looks up the purchase in the POS"), 3, 0, "BVA",
     ("구매 이력", "Purchase record"), "", ("비회원 구매는 조회가 오래 걸린다.", "Non-member purchases are slow to find."), False),
    ("report", 1, "activity", 340, ("불량 확인서를 손으로 작성한다", "Fills in a paper defect report"), 5, 0, "NVA",
     ("불량 확인서 (수기)", "Defect report (paper)"), ("확인서 오류 건수", "Report errors"),
     ("POS 정보를 종이에 다시 옮겨 적는다.", "POS data is copied onto paper."), False),
    ("judge", 2, "decision", 400, ("불량인가? (매니저 판정)", "Defect? (manager's verdict)"), 3, 15, "BVA",
     ("불량 판정 결과", "Defect verdict"), ("판정 대기시간(분)", "Wait for the verdict (min)"),
     ("매니저를 호출해 평균 15분을 기다린다.", "The manager is called; 15 minutes' wait."), False),
    ("explain", 1, "activity", 560, ("불량이 아님을 설명한다", "Explains it is not a defect"), 10, 0, "BVA", "", "",
     ("판정 근거 자료가 없어 언쟁이 생긴다.", "No grounds to show; arguments follow."), True),
    ("request", 2, "activity", 600, ("교환 승인 요청서를 작성한다", "Writes an approval request"), 5, 0, "NVA",
     ("교환 승인 요청서", "Approval request"), "", ("모든 건이 서면 결재를 거친다.", "Every exchange needs written sign-off."), False),
    ("signoff", 2, "activity", 800, ("팀장이 교환을 결재한다", "Section manager signs off"), 2, 25, "NVA",
     ("결재된 요청서", "Signed request"), ("결재 대기시간(분)", "Wait for sign-off (min)"),
     ("팀장이 자리에 없으면 25분 넘게 기다린다.", "Over 25 minutes when the manager is away."), False),
    ("slip", 4, "computer", 800, ("교환 전표를 발행한다", "Issues the exchange slip"), 3, 5, "BVA",
     ("교환 전표", "Exchange slip"), ("전표 오류 건수", "Slip errors"), "", False),
    ("in_stock", 1, "decision", 900, ("매장 재고가 있는가?", "In stock at the store?"), 1, 0, "BVA", "", "", "", False),
    ("fetch", 3, "activity", 1000, ("창고에서 교환 상품을 출고한다", "Issues the replacement from the stock room"), 5, 10, "BVA",
     "", "", ("창고에 전화로 요청하고 순서를 기다린다.", "Phones the stock room and waits."), False),
    ("courier", 3, "other-process", 1140, ("구매 상품을 배송한다", "Deliver purchased goods"), 0, 60, None,
     ("택배 교환 접수", "Courier exchange order"), "", ("고객이 진행 상황을 알 수 없다.", "The customer cannot follow it."), False),
    ("handover", 1, "activity", 1120, ("교환 상품을 건네고 사과한다", "Hands over the replacement and apologises"), 3, 0, "VA",
     ("교환 상품", "Replacement item"), ("교환 소요시간(분)", "Exchange time (min)"),
     ("95분이 지나 사과가 형식적으로 들린다.", "After 95 minutes the apology sounds hollow."), True),
    ("leave", 0, "start-end", 1200, ("교환을 마치고 매장을 떠난다", "Leaves with the matter settled"), 0, 0, None, "", "", "", False),
)
AS_IS_FLOWS = (("visit", "receive", ""), ("receive", "lookup", ""), ("lookup", "report", ""), ("report", "judge", ""),
               ("judge", "request", ("예", "Yes")), ("judge", "explain", ("아니오", "No")), ("explain", "leave", ""),
               ("request", "signoff", ""), ("signoff", "slip", ""), ("slip", "in_stock", ""),
               ("in_stock", "fetch", ("예", "Yes")), ("in_stock", "courier", ("아니오", "No")),
               ("fetch", "handover", ""), ("handover", "leave", ""), ("courier", "leave", ""))
TO_BE_DROP = ("report", "request", "signoff")
TO_BE_CHANGES = {"judge": {"lane": 1, "x": 330, "duration": 2, "wait": 0,
                           "label": ("불량인가? (판정 기준표)", "Defect? (checklist)")},
                 "receive": {"duration": 3, "wait": 2}, "slip": {"x": 560, "wait": 0, "duration": 2},
                 "explain": {"x": 470}, "fetch": {"lane": 1, "x": 760, "wait": 0},
                 "in_stock": {"x": 660}, "courier": {"x": 860, "wait": 30},
                 "handover": {"x": 960}, "leave": {"x": 1040}}
TO_BE_FLOWS = (("visit", "receive", ""), ("receive", "lookup", ""), ("lookup", "judge", ""),
               ("judge", "slip", ("예", "Yes")), ("judge", "explain", ("아니오", "No")), ("explain", "leave", ""),
               ("slip", "in_stock", ""), ("in_stock", "fetch", ("예", "Yes")), ("in_stock", "courier", ("아니오", "No")),
               ("fetch", "handover", ""), ("handover", "leave", ""), ("courier", "leave", ""))
VOC = (
    (("20~40대 방문 고객", "Visiting customers aged 20–40"), ("김OO 고객", "Ms Kim"), ("이준호", "Lee Jun-ho"),
     "2026-10-14 14:00", ("강남점 고객상담실", "Gangnam store counselling room"), "depth-interview", "complaint",
     "inbound", ("교환을 기다리는 동안 진행 상황을 알려 주면 좋겠다", "Tell me what is happening while I wait"), "S",
     ("교환 만족도", "Exchange satisfaction"), ("대기 10분 이내", "Under 10 minutes' wait")),
    (("온라인 구매 고객", "Online buyers"), ("고객 패널 8명", "Panel of 8 customers"), ("김민지", "Kim Min-ji"),
     "2026-10-16 10:00", ("본사 회의실", "Head-office meeting room"), "focus-group", "suggestion", "outbound",
     ("교환품을 이틀 안에 받고 싶다", "I want the replacement within two days"), "D",
     ("교환 리드타임", "Exchange lead time"), ("2일 이내", "Within 2 days")),
    (("협력사 A/S 담당", "Brand after-sales staff"), ("정OO 과장", "Mr Jung"), ("박서연", "Park Seo-yeon"),
     "2026-10-17 15:30", ("전화", "By phone"), "phone", "inquiry", "outbound",
     ("불량 판정 기준을 협력사와 맞추면 재문의가 줄어든다", "Agreeing the defect criteria with us cuts repeat calls"), "Q",
     ("판정 후 재문의율", "Repeat enquiries after the verdict"), ("5% 이하", "5% or less")),
)
OUTPUTS = ((("교환 상품", "Replacement item"), ("적시성", "Timeliness"), 5, ("교환 소요시간", "Exchange time"), "95분",
            "20분", "20분", True),
           (("불량 판정 결과", "Defect verdict"), ("정확성", "Accuracy"), 4, ("판정 후 재문의율", "Repeat enquiries"), "18%",
            "5%", "5%", False))
BENCHMARKS = ((("교환 소요시간이 길다", "Exchanges take too long"), "D", ("교환 소요시간", "Exchange time"), ("분", "min"), False,
               95, 40, 30, 15, ("승인 단계가 많다", "Too many sign-offs"), ("현장 전결 규정", "On-the-spot authority")),
              (("불량 판정이 매니저마다 다르다", "Verdicts vary by manager"), "Q", ("판정 후 재문의율", "Repeat enquiries"),
               "%", False, 18, 9, 12, 4, ("판정 기준이 없다", "No written criteria"), ("품목별 판정 기준표", "Checklist per product")),
              (("교환 고객 만족도가 낮다", "Low satisfaction with exchanges"), "S", ("교환 고객 만족도", "Exchange satisfaction"),
               ("점", "pts"), True, 62, 74, 70, 88, ("대기 중 안내가 없다", "No updates while waiting"), ("알림톡 안내", "Message updates")),
              (("택배 교환 비용", "Courier exchange cost"), "C", ("건당 비용", "Cost per exchange"), ("천원", "KRW k"), False,
               12, 9, 10, 6, ("점포 간 재고 공유가 없다", "No stock sharing between stores"), ("재고 공유", "Shared stock")))
OBSTACLES = ((("모든 교환을 팀장이 결재한다", "Every exchange needs sign-off"), ("판매사원이 30만 원까지 전결", "Associates approve up to KRW 300k"),
              ("권한 위임에 대한 관리자의 불안", "Managers fear losing control"), ("월별 전결 내역 검토", "Monthly review of approvals"), "signoff"),
             (("불량 확인서를 손으로 쓴다", "Paper defect report"), ("모바일 POS 전자 확인서", "Electronic report on mobile POS"),
              ("모바일 POS 단말 부족", "Too few mobile POS devices"), ("층별 2대 추가 도입", "Two more devices per floor"), "report"))
TARGETS = ((("교환 소요시간", "Exchange time"), "quantitative", ("분", "min"), False, "95", "40", "30", "20"),
           (("교환 고객 만족도", "Exchange satisfaction"), "quantitative", ("점", "pts"), True, "62", "74", "80", "85"),
           (("판정 후 재문의율", "Repeat enquiries"), "quantitative", "%", False, "18", "9", "5", "5"),
           (("교환 응대 품질", "Quality of exchange service"), "qualitative", "", True,
            ("형식적 사과", "A hollow apology"), ("친절", "Friendly"), ("진심 어린 응대", "Sincere care"), ("고객 감동", "Delight")))
INDICATORS = ((("교환 소요시간", "Exchange time"), ("접수부터 인도까지 걸린 시간", "From request to hand-over"), ("20분", "20 min"),
               ("매장운영팀", "Store operations")),
              (("교환 고객 만족도", "Exchange satisfaction"), ("알림톡 설문 평균 점수", "Mean score of the message survey"),
               ("85점", "85 pts"), ("고객지원팀", "Customer support")))
ACTIONS = ((("판매사원 전결 규정 개정", "Change the approval rules for associates"), ("매장운영팀", "Store operations"), "2026-12-15", False),
           (("품목별 판정 기준표 배포", "Issue the defect checklist per product"), ("고객지원팀", "Customer support"), "2026-12-31", False),
           (("모바일 POS 추가 도입", "Buy more mobile POS devices"), ("전산팀", "IT"), "2027-01-31", True))
NOTES = ((("주차 정산기 교체 예산은 시설팀과 따로 협의", "Discuss the parking pay-station budget with Facilities"), ("김민지", "Kim Min-ji"), 1),
         (("협력사 판정 기준 합의 일정 확인", "Check when the brands can agree the criteria"), ("박서연", "Park Seo-yeon"), 4),
         (("알림톡 발송 비용 확인", "Check the cost of message updates"), ("이준호", "Lee Jun-ho"), 8))


OBJECTIVES = ("불량 상품 교환을 20분 안에 끝낸다", "Finish the exchange of faulty goods within 20 minutes")


def _pick(value, lang: str):
    return value[0 if lang == "ko" else 1] if isinstance(value, tuple) else value


class _Ids:
    def __init__(self):
        self.last: dict[str, int] = {}

    def __call__(self, kind: str) -> int:
        self.last[kind] = self.last.get(kind, 0) + 1
        return self.last[kind]


def entities(lang: str = "ko") -> list:
    t = lambda value: _pick(value, lang)  # noqa: E731
    nid = _Ids()
    out: list = []
    teams = []
    for seq, (ko, en, colour, members) in enumerate(TEAMS):
        team = Team(id=nid("team"), seq=seq, name=t((ko, en)), colour=colour)
        teams.append(team.id)
        out.append(team)
        out += [Participant(id=nid("participant"), team_id=team.id, seq=i, name=t(m)) for i, m in enumerate(members)]
    procs = []
    for seq, (ko, en, mko, men, dko, den, inn, fea, sel) in enumerate(PROCESSES):
        p = Process(id=nid("process"), seq=seq, name=t((ko, en)), major=t((mko, men)), medium=t((dko, den)),
                    mission=t(("불만 고객을 단골 고객으로 되돌린다", "Turn an unhappy customer back into a regular one")) if seq == 0 else "",
                    start_point=t(("고객이 불량 상품을 가져온다", "The customer brings a faulty item")) if seq == 0 else "",
                    end_point=t(("고객이 교환품을 받는다", "The customer has the replacement")) if seq == 0 else "",
                    viewpoint=("core", "voc-topic", "mot-dispute", "support")[seq], innovation=inn, feasibility=fea,
                    selected=sel, role="core" if seq < 3 else "support", team_id=teams[seq % 2])
        procs.append(p.id)
        out.append(p)
    cycle = Cycle(id=nid("cycle"), seq=0, name=t(("주차접점 CYCLE", "Parking cycle")), process_id=procs[0], team_id=teams[0])
    out.append(cycle)
    out.append(Cycle(id=nid("cycle"), parent_id=cycle.id, seq=0, name=t(("정산 하위 사이클", "Payment sub-cycle"))))
    tps = {}
    for seq, (name, element, level, importance, critical) in enumerate(TOUCHPOINTS):
        tp = Touchpoint(id=nid("touchpoint"), cycle_id=cycle.id, seq=seq, name=t(name), element=element, level=level,
                        importance=importance, critical=critical,
                        expectation=t(("기다리지 않고 빠르게", "Quick, without waiting")),
                        problems=t(("정산기 앞 대기 줄이 길다", "Long queue at the pay station")) if level <= 2 else "",
                        improvement=t(("출차 시 자동 정산", "Automatic payment at the exit")) if level <= 2 else "",
                        owner=t(("시설팀", "Facilities")))
        tps[seq] = tp.id
        out.append(tp)
    step_ids: dict[tuple[str, str], int] = {}
    for kind in ("as-is", "to-be", "redesign"):
        title = {"as-is": ("(불만품 교환) MOT/VOC 프로세스 — As-Is", "(Defective-goods exchange) MOT/VOC process — As-Is"),
                 "to-be": ("(불만품 교환) MOT/VOC 프로세스 — To-Be", "(Defective-goods exchange) MOT/VOC process — To-Be"),
                 "redesign": ("(불만품 교환) MOT/VOC 프로세스 — Redesign", "(Defective-goods exchange) MOT/VOC process — Redesign")}[kind]
        pmap = ProcessMap(id=nid("process_map"), process_id=procs[0], kind=kind, title=t(title))
        out.append(pmap)
        lanes = [Lane(id=nid("lane"), map_id=pmap.id, seq=i, kind=k, name=t((ko, en))) for i, (k, ko, en) in enumerate(LANES)]
        phases = [Phase(id=nid("phase"), map_id=pmap.id, seq=i, name=t(n), width=250.0) for i, n in enumerate(PHASES)]
        out += lanes + phases
        rows = [r for r in AS_IS_STEPS if kind == "as-is" or r[0] not in TO_BE_DROP]
        for key, lane, shape, x, label, dur, wait, vc, output, measure, problems, mot in rows:
            change = TO_BE_CHANGES.get(key, {}) if kind != "as-is" else {}
            lane, x = change.get("lane", lane), change.get("x", x)
            step = Step(id=nid("step"), map_id=pmap.id, lane_id=lanes[lane].id, phase_id=phases[min(4, int(x // 250))].id,
                        shape=shape, label=t(change.get("label", label)), x=float(x), y=0.0,
                        duration=change.get("duration", dur), wait=change.get("wait", wait), value_class=vc,
                        output=t(output), measure=t(measure), problems=t(problems) if kind == "as-is" else "", is_mot=mot,
                        touchpoint_id=tps[2] if key == "receive" else None,
                        linked_process_id=procs[2] if shape == "other-process" else None)
            step_ids[(kind, key)] = step.id
            out.append(step)
        if kind == "redesign":
            step = Step(id=nid("step"), map_id=pmap.id, lane_id=lanes[4].id, phase_id=phases[4].id, shape="computer",
                        label=t(("교환 완료 알림톡과 만족도 설문을 보낸다", "Sends a done message with a survey")), x=1140.0,
                        duration=1, value_class="BVA", output=t(("교환 완료 알림톡", "Exchange-complete message")),
                        measure=t(("교환 고객 만족도(점)", "Exchange satisfaction (pts)")))
            step_ids[(kind, "notify")] = step.id
            out.append(step)
        flows = AS_IS_FLOWS if kind == "as-is" else TO_BE_FLOWS
        if kind == "redesign":
            flows = tuple(f for f in flows if f[1] != "leave" or f[0] == "explain") + (
                ("handover", "notify", ""), ("courier", "notify", ""), ("notify", "leave", ""))
        for source, target, label in flows:
            out.append(Flow(id=nid("flow"), map_id=pmap.id, source_id=step_ids[(kind, source)],
                            target_id=step_ids[(kind, target)], label=t(label)))
    for seq, row in enumerate(VOC):
        out.append(VocEntry(id=nid("voc"), process_id=procs[0], seq=seq, target_customer=t(row[0]), interviewee=t(row[1]),
                            interview_id=1 if seq < 2 else None,
                            interviewer=t(row[2]), held_at=row[3], place=t(row[4]), method=row[5], voc_type=row[6],
                            direction=row[7], requirement=t(row[8]), characteristic=row[9], indicator=t(row[10]),
                            expected_level=t(row[11])))
    for seq, (o, c, imp, m, cur, exp, tgt, pri) in enumerate(OUTPUTS):
        out.append(OutputAnalysis(id=nid("output_analysis"), process_id=procs[0], seq=seq, output=t(o), characteristic=t(c),
                                  importance=imp, measure=t(m), current_level=cur if lang == "ko" else cur.replace("분", " min"),
                                  expected_level=exp if lang == "ko" else exp.replace("분", " min"),
                                  target_level=tgt if lang == "ko" else tgt.replace("분", " min"), priority=pri))
    for seq, (problem, q, measure, unit, hib, us, a, b, top, cause, idea) in enumerate(BENCHMARKS):
        out.append(Benchmark(id=nid("benchmark"), process_id=procs[0], seq=seq, problem=t(problem),
                             major_process=t(("서비스", "Service")), medium_process=t(("교환·환불", "Exchange and refund")),
                             page_no=str(seq + 3), characteristic=q, measure=t(measure), unit=t(unit), higher_is_better=hib,
                             us=us, company_a=a, company_b=b, top=top, size_class="BMI"[seq % 3], design_or_execution="DE"[seq % 2],
                             nature=t(("프로세스 설계", "Process design")), gap_cause=t(cause), ideas=t(idea)))
    for seq, (cur, tobe, obstacle, solution, step) in enumerate(OBSTACLES):
        out.append(Obstacle(id=nid("obstacle"), process_id=procs[0], seq=seq, current_features=t(cur), tobe_features=t(tobe),
                            obstacle=t(obstacle), solution=t(solution), source_step_id=step_ids[("as-is", step)]))
    for seq, (measure, kind, unit, hib, cur, comp, req, tgt) in enumerate(TARGETS):
        out.append(Target(id=nid("target"), process_id=procs[0], seq=seq, measure=t(measure), kind=kind, unit=t(unit),
                          higher_is_better=hib, current=t(cur), competitor=t(comp), required_level=t(req), target=t(tgt)))
    for seq, (name, definition, target, owner) in enumerate(INDICATORS):
        out.append(KeyIndicator(id=nid("key_indicator"), process_id=procs[0], seq=seq, name=t(name),
                                definition=t(definition), target=t(target), owner=t(owner)))
    for seq, (description, owner, due, done) in enumerate(ACTIONS):
        out.append(Action(id=nid("action"), process_id=procs[0], seq=seq, description=t(description), owner=t(owner),
                          due=due, done=done))
    for seq, (text, author, step) in enumerate(NOTES):
        out.append(Note(id=nid("note"), seq=seq, text=t(text), author=t(author), wizard_step=step))
    out.append(Vote(id=nid("vote"), team_id=teams[0], target_kind="process", target_id=procs[0], dots=3))
    out.append(Vote(id=nid("vote"), team_id=teams[1], target_kind="touchpoint", target_id=tps[10], dots=2))
    out += [StepProgress(id=nid("step_progress"), step_no=n, status="done" if n < 8 else "in-progress",
                         process_id=procs[0]) for n in range(1, 9)]
    out += method_answers(t, nid, procs[0], maps={k: m.id for k, m in ((m.kind, m) for m in out
                                                                           if isinstance(m, ProcessMap))})
    return out


def method_answers(t, nid, process_id: int, maps: dict[str, int]) -> list:
    """Interview forms, As-Is answers, the Q/C/D/S grid, CS check-points, discussion aspects."""
    out: list = [Interview(id=nid("interview"), process_id=process_id, seq=0,
                           target_customer=t(("교환 경험 고객", "Customers who exchanged goods")),
                           interviewer=t(("정하윤", "Hayun Jung")), held_at="2026-10-18 11:00")]
    for n, answer in enumerate(ASIS_ANSWERS, 1):
        out.append(AsIsAnswer(id=nid("asis_answer"), map_id=maps["as-is"], question=n, answer=t(answer)))
    for code, us, a, b, top in (("Q", 72, 80, 76, 88), ("C", 18, 12, 9, 8), ("D", 95, 30, 45, 20), ("S", 3.1, 4.0, 3.6, 4.5)):
        out.append(QcdsScore(id=nid("qcds_score"), process_id=process_id, characteristic=code, us=us, company_a=a,
                             company_b=b, top=top))
    for n, (ticked, note) in enumerate(CS_NOTES, 1):
        out.append(CsCheck(id=nid("cs_check"), map_id=maps["to-be"], point=n, ticked=ticked, note=t(note)))
    out.append(ViewpointAspect(id=nid("viewpoint_aspect"), viewpoint="voc-topic", seq=0, aspect="service",
                               discussion=t(("교환 대기 시간이 가장 큰 불만", "Waiting for an exchange is the top complaint"))))
    return out


ASIS_ANSWERS = (("불량 상품을 교환하려는 매장 고객", "Store customers exchanging a faulty item"),
                ("정상 상품과 교환 확인증", "A sound item and an exchange receipt"),
                ("신속성이 가장 중요, 현재 95분", "Speed matters most; 95 minutes today"),
                ("교환 소요시간, 현장 처리율", "Exchange time, share done on the floor"),
                ("30분 이내", "Within 30 minutes"),
                ("관리자 결재 단계", "The manager's signature step"))
CS_NOTES = ((True, ("고객이 한 곳에서 교환을 끝낸다", "One counter finishes the exchange")),
            (True, ("목표 20분", "Target 20 minutes")), (True, ("결재 2단계를 1단계로", "Two signatures become one")),
            (True, ("판매사원 교환 권한", "Sales associates may exchange")), (False, ("검토 중", "Under review")),
            (True, ("CS 우수 사원 배치", "Top-rated staff at the counter")), (True, ("POS 재고 조회", "Stock lookup at the till")),
            (False, ("", "")))


def build(path: str | Path, lang: str = "ko") -> Path:
    path = Path(path)
    fields = {name: _pick(value, lang) for name, value in WORKSHOP.items()}
    store = Store.create(path, overwrite=True, title=fields.pop("title"), language=lang)
    try:
        history = History(store)
        history.push(UpdateEntity("workshop", 1, {**fields, "held_on": "2026-11-20", "objectives": _pick(OBJECTIVES, lang)}))
        history.push(InsertEntities(entities(lang)))
    finally:
        store.close()
    return path


if __name__ == "__main__":
    out = build(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--lang" else "ko")
    print(f"wrote {out}")
