"""The workshop record, its teams and participants, the parking lot and the wizard's progress.

A fictional department store, Hanbit (한빛백화점), runs a one-day customer-service workshop
on its main store's complaints and exchanges. Names are invented.
"""

from __future__ import annotations

from mot_workshop.domain.enums import StepStatus
from mot_workshop.sample.content.model import Key, T

WORKSHOP = {
    "title": T("한빛백화점 고객서비스 MOT/VOC 분석 및 프로세스 개선 워크숍",
               "Hanbit Department Store customer-service MOT/VOC analysis and process redesign workshop"),
    "organisation": T("한빛백화점 본점", "Hanbit Department Store, main store"),
    "facilitator": T("정하윤 (CS 컨설팅 수석컨설턴트)", "Hayun Jung (senior CS consultant)"),
    "held_on": "2026-11-22",
    "place": T("한빛백화점 본점 12층 문화홀 세미나실", "Hanbit main store, 12th-floor culture hall seminar room"),
    "benchmark_a": T("미래백화점 강남점", "Mirae Department Store, Gangnam"),
    "benchmark_b": T("온누리몰 (온라인 쇼핑몰)", "Onnuri Mall (online shop)"),
    "dots_per_voter": 5,
    "notes": T(
        "고객상담실에 접수되는 불만 VOC의 1위가 '불량 상품 교환이 너무 오래 걸린다'이고, 주말 출차 "
        "대기가 2위이다. 오전에는 주차접점과 매장 고객접점 CYCLE을 진단하고, 오후에는 '불만품을 "
        "교환한다' 프로세스를 8단계로 개선한다. 목표: 교환 소요시간 95분 → 20분, 현장 처리율 85%.",
        "The top complaint at the customer service desk is that exchanging a faulty item takes far "
        "too long; the second is the weekend queue to leave the car park. In the morning the teams "
        "diagnose the parking cycle and the in-store cycle; in the afternoon they redesign the "
        "'Exchange defective goods' process through the eight steps. Goal: exchange time from 95 to "
        "20 minutes, 85% of exchanges completed by the sales associate alone."),
}

SERVICE = T("고객서비스팀", "Customer Service Team")
STORE_OPS = T("매장운영팀", "Store Operations Team")
SUPPORT = T("운영지원팀", "Operations Support Team")

TEAMS = (
    ("service", {"name": SERVICE, "colour": "#1F6FB2"}),
    ("store", {"name": STORE_OPS, "colour": "#D9822B"}),
    ("support", {"name": SUPPORT, "colour": "#2E8B57"}),
)


def _member(team: str, ko: str, en: str, role_ko: str, role_en: str) -> dict:
    return {"team_id": Key("team", team), "name": T(ko, en), "role": T(role_ko, role_en)}


PARTICIPANTS = (
    ("yoon", _member("service", "윤미경", "Mikyung Yoon", "고객상담실 과장 (팀 리더)",
                     "Customer service desk manager (team leader)")),
    ("kang", _member("service", "강태호", "Taeho Kang", "고객상담실 대리", "Customer service desk officer")),
    ("seo", _member("service", "서하린", "Harin Seo", "1층 잡화 판매사원", "Sales associate, accessories (1F)")),
    ("lim", _member("service", "임재현", "Jaehyun Lim", "7층 가전 플로어 매니저",
                    "Floor manager, home appliances (7F)")),
    ("jo", _member("store", "조은비", "Eunbi Jo", "영업관리팀 과장 (팀 리더)",
                   "Sales administration manager (team leader)")),
    ("baek", _member("store", "백승훈", "Seunghoon Baek", "3층 여성의류 플로어 매니저",
                     "Floor manager, womenswear (3F)")),
    ("moon", _member("store", "문지영", "Jiyoung Moon", "상품권 데스크 주임", "Gift certificate desk supervisor")),
    ("namgung", _member("support", "남궁현", "Hyun Namgung", "물류센터 반품 담당 과장 (팀 리더)",
                        "Returns manager, logistics centre (team leader)")),
    ("oh", _member("support", "오지훈", "Jihoon Oh", "시설관리팀 주차 담당 대리", "Car park officer, facilities")),
    ("shin", _member("support", "신예린", "Yerin Shin", "전산정보팀 POS 담당", "POS systems analyst, IT")),
    ("han", _member("support", "한동수", "Dongsu Han", "주차 안내 파트장", "Parking attendant lead")),
)

# Parking-lot notes: points raised off-topic and kept for later.
NOTES = (
    {"text": T("주차요금 자동 정산(번호판 인식·구매 실적 연동)은 별도 과제로 운영지원팀이 다음 워크숍에서 다룬다.",
               "Automatic parking payment (number-plate recognition linked to purchases) is a separate "
               "project; the Operations Support Team takes it to the next workshop."),
     "author": T("오지훈", "Jihoon Oh"), "wizard_step": 1, "done": False},
    {"text": T("입점 브랜드마다 다른 A/S 접수 창구를 고객상담실로 통합할지 영업본부와 검토한다.",
               "Check with the sales division whether the brands' separate repair desks should merge "
               "into the customer service desk."),
     "author": T("백승훈", "Seunghoon Baek"), "wizard_step": 3, "done": False},
    {"text": T("온라인몰에서 산 상품을 매장에서 교환해 줄지는 전사 정책 결정이 필요하다. (임원 보고 완료)",
               "Whether goods bought online can be exchanged in the store needs a company-wide policy "
               "decision. (Reported to the board.)"),
     "author": T("윤미경", "Mikyung Yoon"), "wizard_step": 5, "done": True},
)

# The wizard's progress on the core process: steps 1–5 done, 6–8 under way.
PROGRESS = (
    (1, StepStatus.DONE, 3600,
     T("7개 프로세스를 도출하고 점 투표로 '불만품을 교환한다'(22점)와 '주차요금을 정산한다'(14점)를 선정했다.",
       "Listed seven processes; the dot vote chose 'Exchange defective goods' (22 dots) and "
       "'Settle parking fees' (14 dots).")),
    (2, StepStatus.DONE, 2700,
     T("교환 고객 인터뷰, FGI, 미스터리 쇼핑, 전화·온라인 설문에서 VOC 6건을 정리했다.",
       "Six voices of the customer from interviews, a focus group, mystery shopping, phone and "
       "online surveys.")),
    (3, StepStatus.DONE, 5400,
     T("As-Is 맵: 16단계, 부서 간 이관 13회, 대기 합계 120분, 매장 재고 교환 95분. 최우선 개선 부문은 교환 소요시간.",
       "As-Is map: 16 steps, 13 hand-offs, 120 minutes of waiting in all, 95 minutes for an exchange "
       "from store stock. Top priority: the exchange time.")),
    (4, StepStatus.DONE, 2400,
     T("미래백화점, 온누리몰과 4개 지표를 비교했다. 가장 큰 격차는 결재 대기.",
       "Compared four measures with Mirae and Onnuri Mall; the largest gap is the wait for sign-off.")),
    (5, StepStatus.DONE, 4800,
     T("결재 단계를 없애고 판매사원에게 교환 권한을 위임한 To-Be 맵을 그렸다.",
       "Drew the To-Be map: the sign-off stage is gone and sales associates may approve exchanges.")),
    (6, StepStatus.IN_PROGRESS, 1800,
     T("저해요인 4건 중 권한 위임 한도는 감사팀 협의가 남아 있다.",
       "Four obstacles; the approval limit still needs the audit team's agreement.")),
    (7, StepStatus.IN_PROGRESS, 1500,
     T("정량 목표 4개와 정성 목표 1개를 정했다. 만족도 목표는 다음 주에 확정한다.",
       "Four quantitative targets and one qualitative; the satisfaction target is confirmed next week.")),
    (8, StepStatus.IN_PROGRESS, 900,
     T("Redesign 맵과 핵심 관리지표 3개, 보완사항 4건 초안.",
       "Draft Redesign map, three key indicators and four supplementary actions.")),
)
