"""The participant page's words, in both languages, through the one translation mechanism."""

from __future__ import annotations

import functools

from mot_workshop.i18n import LANGUAGES, tr


def _texts(lang: str) -> dict[str, str]:
    return {
        "join": tr("Join the room", lang=lang),
        "who": tr("Who are you?", lang=lang),
        "or_type": tr("Or type your name", lang=lang),
        "go": tr("Join", lang=lang),
        "waiting": tr("Waiting for the facilitator…", lang=lang),
        "vote_process": tr("Vote for the processes to improve", lang=lang),
        "vote_step": tr("Vote for the most important problems", lang=lang),
        "vote_touchpoint": tr("Vote for the touchpoints that matter most", lang=lang),
        "score": tr("Score the touchpoints", lang=lang),
        "post_idea": tr("Post an idea for a touchpoint", lang=lang),
        "post_voc": tr("Post a customer's voice (VOC)", lang=lang),
        "post_note": tr("Park a point for later", lang=lang),
        "dots_left": tr("{left} of {total} dots left", lang=lang),
        "take_back": tr("Take back a dot", lang=lang),
        "level": tr("Experienced level", lang=lang),
        "importance": tr("Importance", lang=lang),
        "send": tr("Send", lang=lang),
        "sent": tr("What you sent", lang=lang),
        "choose_tp": tr("Choose a touchpoint", lang=lang),
        "write": tr("Write here…", lang=lang),
        "no_dots": tr("No dots left.", lang=lang),
        "not_open": tr("This is not open in the room now.", lang=lang),
        "busy": tr("Too fast — wait a moment and try again.", lang=lang),
        "closed": tr("The facilitator has closed the room to this phone.", lang=lang),
        "offline": tr("Connection lost — trying again…", lang=lang),
        "refused": tr("Not accepted.", lang=lang),
        "saved": tr("Saved.", lang=lang),
        "full": tr("The room is full.", lang=lang),
        "change_name": tr("Not you?", lang=lang),
        "you": tr("You: {name}", lang=lang),
        "room_code": tr("Room code", lang=lang),
        "team": tr("Team: {name}", lang=lang),
        "results": tr("Results", lang=lang),
        "nothing": tr("Nothing to vote on yet.", lang=lang),
        "enter_code": tr("Enter the room code shown on the screen", lang=lang),
    }


@functools.cache
def page_texts() -> dict[str, dict[str, str]]:
    return {lang: _texts(lang) for lang in LANGUAGES}
