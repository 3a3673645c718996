"""The sample's answers to the method's fixed questions: the workshop's objectives, step 1's
discussion aspects, step 3's As-Is questions, step 4's Q/C/D/S grid and step 5's CS
check-points on the To-Be map of 불만품을 교환한다."""

from __future__ import annotations

from mot_workshop.domain.enums import Qcds, Viewpoint
from mot_workshop.sample.content.model import T

OBJECTIVES = T(
    "1. 불량 상품 교환 프로세스를 고객 관점에서 다시 설계한다 (교환 소요시간 95분 → 20분).\n"
    "2. 주차·매장 고객접점의 가장 약한 순간을 찾아 개선 책임자를 정한다.\n"
    "3. 핵심 관리지표와 보완사항을 합의하고 12월 실행계획에 반영한다.",
    "1. Redesign the exchange of defective goods from the customer's side (exchange time 95 → 20 minutes).\n"
    "2. Find the weakest moments of the parking and in-store cycles and name an owner for each.\n"
    "3. Agree the key indicators and supplementary actions and put them in December's plan.")

ASPECTS = (
    {"viewpoint": Viewpoint.CORE, "aspect": "start-end",
     "discussion": T("고객이 불량을 알리는 순간부터 교환 상품을 받고 떠날 때까지",
                     "From the moment the customer reports the fault until they leave with the replacement"),
     "core_processes": T("불만품을 교환한다", "Exchange defective goods")},
    {"viewpoint": Viewpoint.VOC_TOPIC, "aspect": "service",
     "discussion": T("교환 대기 시간, 결재 때문에 반복되는 설명", "Waiting for an exchange; explaining again for each signature")},
    {"viewpoint": Viewpoint.VOC_TOPIC, "aspect": "product",
     "discussion": T("의류 봉제 불량, 가전 초기 불량", "Seam faults in clothing, early faults in appliances")},
    {"viewpoint": Viewpoint.MOT_DISPUTE, "aspect": "service",
     "discussion": T("영수증 없는 교환, 세일 상품 교환 기준", "Exchanges without a receipt; rules for sale items")},
    {"viewpoint": Viewpoint.SUPPORT, "aspect": "speed",
     "discussion": T("물류센터 재고 확인이 전화로만 가능", "Warehouse stock can only be checked by phone")},
    {"viewpoint": Viewpoint.INTERNAL, "aspect": "training",
     "discussion": T("판매사원 교환 권한과 응대 교육", "Sales associates' authority to exchange, and service training")},
)

ASIS_ANSWERS = (
    T("불량 상품을 교환하려는 매장 방문 고객 (주로 의류·가전)",
      "Store customers exchanging a faulty item (mostly clothing and appliances)"),
    T("정상 상품, 교환 확인증, 사과와 설명", "A sound item, an exchange receipt, an apology and an explanation"),
    T("신속성이 가장 중요하며 현재 수준은 낮다 (평균 95분)", "Speed matters most and is poor today (95 minutes on average)"),
    T("교환 소요시간, 현장 처리율, 재방문율", "Exchange time, share completed on the floor, repeat visits"),
    T("30분 이내, 한 번의 방문으로 끝나기를 기대", "Within 30 minutes, done in a single visit"),
    T("관리자 결재 단계와 물류센터 재고 확인", "The manager's signature and the warehouse stock check"),
)

QCDS_SCORES = (
    {"characteristic": Qcds.Q, "us": 72, "company_a": 80, "company_b": 76, "top": 88,
     "note": T("교환 후 재불량률 기준 만족도", "Satisfaction after exchange (no repeat fault)")},
    {"characteristic": Qcds.C, "us": 18000, "company_a": 12000, "company_b": 9000, "top": 8000,
     "note": T("교환 1건당 처리비용 (원)", "Handling cost per exchange (KRW)")},
    {"characteristic": Qcds.D, "us": 95, "company_a": 30, "company_b": 45, "top": 20,
     "note": T("교환 소요시간 (분)", "Exchange time (minutes)")},
    {"characteristic": Qcds.S, "us": 3.1, "company_a": 4.0, "company_b": 3.6, "top": 4.5,
     "note": T("응대 만족도 (5점 척도)", "Service satisfaction (1–5)")},
)

CS_CHECKS = (
    (True, T("고객이 한 곳에서 교환을 끝낸다", "The customer finishes the exchange in one place")),
    (True, T("목표 20분, 현장 처리율 85%", "Target 20 minutes, 85% completed on the floor")),
    (True, T("결재 2단계를 1단계로 통합", "Two signature steps merged into one")),
    (True, T("판매사원에게 30만 원 이하 교환 권한", "Sales associates may exchange items up to KRW 300,000")),
    (False, T("검토 중: 주말 교환 전담 인력", "Under review: a weekend exchange desk")),
    (True, T("CS 우수 사원을 교환 창구에 배치", "Top-rated staff placed at the exchange counter")),
    (True, T("POS에서 물류센터 재고 실시간 조회", "Live warehouse stock lookup at the till")),
    (False, ""),
)
