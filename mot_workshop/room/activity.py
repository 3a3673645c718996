"""What phones show now: chosen by the facilitator, changed at any time."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

WAITING, VOTE, SCORE, POST = "waiting", "vote", "score", "post"
VOTE_TARGETS = ("process", "step", "touchpoint")     # step 1 processes, step 3 problems, a cycle
POST_TARGETS = ("idea", "voc", "note")               # ideas for a touchpoint, VOC notes, parking lot


@dataclass(frozen=True)
class Activity:
    kind: str = WAITING
    target: str = ""                 # vote: a VOTE_TARGET; post: a POST_TARGET
    subject_id: int | None = None    # the cycle (touchpoints) or the process (problems, VOC)
    reveal: bool = False             # results shown on the projector and the phones

    def __post_init__(self):
        if self.kind not in (WAITING, VOTE, SCORE, POST):
            raise ValueError(f"unknown activity {self.kind!r}")
        if self.kind == VOTE and self.target not in VOTE_TARGETS:
            raise ValueError(f"unknown vote target {self.target!r}")
        if self.kind == POST and self.target not in POST_TARGETS:
            raise ValueError(f"unknown post target {self.target!r}")

    @property
    def needs_cycle(self) -> bool:
        return (self.kind == VOTE and self.target == "touchpoint") or self.kind == SCORE or (
            self.kind == POST and self.target == "idea")

    def revealed(self, reveal: bool) -> Activity:
        return replace(self, reveal=reveal)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def parse(cls, text: str, subject_id: int | None = None) -> Activity:
        """'waiting', 'vote:process', 'vote:step', 'vote:touchpoint', 'score', 'post:idea' …"""
        kind, _, target = text.strip().lower().partition(":")
        return cls(kind, target, subject_id)

    def spec(self) -> str:
        return f"{self.kind}:{self.target}" if self.target else self.kind
