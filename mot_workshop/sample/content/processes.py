"""Step 1: the process inventory (major / medium hierarchy), named "object + transitive
verb", with the discussion viewpoint, innovation effect and feasibility, and the dot vote
that selected the core process 불만품을 교환한다 (exchange defective goods)."""

from __future__ import annotations

from mot_workshop.domain.enums import ProcessRole, Viewpoint
from mot_workshop.sample.content.model import Key, T

CUSTOMER_SERVICE = T("고객서비스", "Customer service")
EXCHANGES = T("교환·환불", "Exchanges and refunds")

PROCESSES = (
    ("exchange", {
        "name": T("불만품을 교환한다", "Exchange defective goods"),
        "mission": T("불량·하자 상품을 산 고객이 한 번 방문으로, 기다리지 않고 교환받아 백화점을 다시 믿고 찾게 한다.",
                     "Let a customer who bought a faulty item get it exchanged in one visit, without "
                     "waiting, so that they trust the store and come back."),
        "start_point": T("고객이 불량 상품의 교환을 요청한다", "The customer asks to exchange a faulty item"),
        "end_point": T("고객이 교환 상품을 받는다", "The customer receives the replacement"),
        "major": CUSTOMER_SERVICE, "medium": EXCHANGES,
        "role": ProcessRole.CORE, "viewpoint": Viewpoint.CORE,
        "aspects": T("제품·서비스 측면: 교환 VOC 월 140건, 불만 VOC 1위",
                     "Product and service: 140 exchange complaints a month, the top complaint topic"),
        "innovation": 5, "feasibility": 4, "selected": True, "team_id": Key("team", "service"),
    }),
    ("refund", {
        "name": T("구매 대금을 환불한다", "Refund purchases"),
        "mission": T("환불을 요청한 고객에게 결제한 수단으로 정확하고 빠르게 돌려준다.",
                     "Return the money to the customer's own means of payment, correctly and quickly."),
        "start_point": T("고객이 환불을 요청한다", "The customer asks for a refund"),
        "end_point": T("결제 수단으로 환불이 완료된다", "The refund reaches the means of payment"),
        "major": CUSTOMER_SERVICE, "medium": EXCHANGES,
        "role": ProcessRole.CORE, "viewpoint": Viewpoint.VOC_TOPIC,
        "aspects": T("서비스 측면: 카드 취소 반영 지연 문의", "Service: questions about slow card cancellations"),
        "innovation": 3, "feasibility": 3, "selected": False, "team_id": Key("team", "service"),
    }),
    ("complaints", {
        "name": T("고객 불만을 처리한다", "Handle customer complaints"),
        "mission": T("불만을 선물로 받아 48시간 안에 해결하고 재발을 막는다.",
                     "Take each complaint as a gift, resolve it within 48 hours and stop it recurring."),
        "start_point": T("고객이 매장·전화·온라인으로 불만을 제기한다",
                         "The customer complains in the store, by phone or online"),
        "end_point": T("고객이 처리 결과에 만족하는지 확인한다", "We confirm the customer is satisfied with the outcome"),
        "major": CUSTOMER_SERVICE, "medium": T("고객의 소리(VOC)", "Voice of the customer"),
        "role": ProcessRole.CORE, "viewpoint": Viewpoint.VOC_TOPIC,
        "aspects": T("서비스·이미지 측면: 답변 지연, 부서 간 떠넘기기",
                     "Service and image: slow answers, complaints passed between departments"),
        "innovation": 4, "feasibility": 3, "selected": False, "team_id": Key("team", "service"),
    }),
    ("parking", {
        "name": T("주차요금을 정산한다", "Settle parking fees"),
        "mission": T("구매 고객이 영수증 없이, 멈추지 않고 주차장을 나가게 한다.",
                     "Let shoppers leave the car park without receipts and without stopping."),
        "start_point": T("고객이 출차하려고 정산을 시작한다", "The customer starts paying in order to leave"),
        "end_point": T("차단기가 열리고 차가 나간다", "The barrier opens and the car leaves"),
        "major": T("시설·주차", "Facilities and parking"), "medium": T("주차 관리", "Car park"),
        "role": ProcessRole.CORE, "viewpoint": Viewpoint.MOT_DISPUTE,
        "aspects": T("서비스 측면: 주말 출차 대기 25분, 영수증 분실 분쟁",
                     "Service: a 25-minute queue to leave at weekends, disputes over lost receipts"),
        "innovation": 4, "feasibility": 5, "selected": True, "team_id": Key("team", "support"),
    }),
    ("gift", {
        "name": T("상품권을 판매한다", "Sell gift certificates"),
        "mission": T("개인·기업 고객이 원하는 권종과 수량의 상품권을 정확하고 안전하게 산다.",
                     "Sell personal and corporate customers the vouchers they want, correctly and safely."),
        "start_point": T("고객이 상품권 구매를 문의한다", "The customer asks to buy gift certificates"),
        "end_point": T("고객이 상품권과 영수증을 받는다", "The customer receives the certificates and a receipt"),
        "major": T("영업", "Sales"), "medium": T("상품권", "Gift certificates"),
        "role": ProcessRole.CORE, "viewpoint": Viewpoint.MOT_DISPUTE,
        "aspects": T("이미지 측면: 대량 구매 시 대기와 본인 확인 분쟁",
                     "Image: queues and identity-check disputes on bulk purchases"),
        "innovation": 2, "feasibility": 4, "selected": False, "team_id": Key("team", "store"),
    }),
    ("delivery", {
        "name": T("구매 상품을 배송한다", "Deliver purchased goods"),
        "mission": T("약속한 날짜와 시간대에 흠 없이 배송하고 설치한다.",
                     "Deliver and install goods undamaged on the promised day and time slot."),
        "start_point": T("고객이 배송을 접수한다", "The customer books a delivery"),
        "end_point": T("고객이 상품을 인수한다", "The customer accepts the goods"),
        "major": T("물류", "Logistics"), "medium": T("배송", "Delivery"),
        "role": ProcessRole.SUPPORT, "viewpoint": Viewpoint.SUPPORT,
        "aspects": T("신뢰성·대응성·신속성: 시간대 안내 지연", "Reliability, responsiveness, speed: late time-slot notices"),
        "innovation": 3, "feasibility": 3, "selected": False, "team_id": Key("team", "support"),
    }),
    ("training", {
        "name": T("판매사원을 교육한다", "Train sales associates"),
        "mission": T("직영·협력사 판매사원 모두가 같은 서비스 기준과 교환 규정으로 응대하게 한다.",
                     "Make every associate, ours and the brands', serve to the same service standard "
                     "and exchange rules."),
        "start_point": T("새 판매사원이 매장에 배치된다", "A new associate joins the sales floor"),
        "end_point": T("판매사원이 응대 평가를 통과한다", "The associate passes the service assessment"),
        "major": T("인사·교육", "HR and training"), "medium": T("접점직원 교육", "Front-line staff training"),
        "role": ProcessRole.SUPPORT, "viewpoint": Viewpoint.INTERNAL,
        "aspects": T("접점직원 교육: 협력사 판매사원 이직률이 높다",
                     "Front-line training: high turnover among brand staff"),
        "innovation": 3, "feasibility": 4, "selected": False, "team_id": Key("team", "store"),
    }),
)

# Dot vote on the processes: (participant, process, dots); five dots each.
VOTES = (
    ("yoon", "exchange", 3), ("yoon", "complaints", 2),
    ("kang", "exchange", 3), ("kang", "refund", 2),
    ("seo", "exchange", 2), ("seo", "parking", 2), ("seo", "training", 1),
    ("lim", "exchange", 2), ("lim", "delivery", 3),
    ("jo", "exchange", 3), ("jo", "gift", 2),
    ("baek", "exchange", 2), ("baek", "parking", 2), ("baek", "training", 1),
    ("moon", "gift", 3), ("moon", "exchange", 2),
    ("namgung", "delivery", 3), ("namgung", "exchange", 2),
    ("oh", "parking", 4), ("oh", "exchange", 1),
    ("shin", "parking", 3), ("shin", "exchange", 2),
    ("han", "parking", 3), ("han", "refund", 2),
)
