"""The phone page in a real browser: the system's headless Chromium at a phone's size, driven
by Selenium through the system's chromedriver (nothing is downloaded). Join, vote, score and
post, in English and Korean. Skips, saying why, when no such browser is installed.

Screenshots go to $MOT_ROOM_SCREENSHOTS (or the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mot_workshop.persistence.store import Store
from mot_workshop.room.activity import Activity

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=390,844",
         "--lang=en-US")

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and Path(DRIVER).exists()),
                                reason="no system Chromium and chromedriver (/usr/bin/chromium, chromedriver): "
                                       "install the Debian packages chromium and chromium-driver")


@pytest.fixture
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_window_size(390, 844)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def _shots(tmp_path) -> Path:
    folder = Path(os.environ.get("MOT_ROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_join_vote_score_and_post_from_a_phone_in_english_and_korean(built, open_room, browser, tmp_path):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from mot_workshop.i18n import tr

    shots = _shots(tmp_path)
    room = open_room()
    url = room.room
    # the page redraws on every event of the room: look elements up afresh each time
    wait = WebDriverWait(browser, 15, ignored_exceptions=(StaleElementReferenceException,))

    def text(selector):
        return browser.find_element(By.CSS_SELECTOR, selector).text

    def press(card: int, scale: int, button: int):
        def go(b):
            b.find_elements(By.CSS_SELECTOR, ".card")[card].find_elements(By.CSS_SELECTOR, ".scale")[scale] \
                .find_elements(By.TAG_NAME, "button")[button].click()
            return True

        wait.until(go)
        wait.until(lambda b: "on" in b.find_elements(By.CSS_SELECTOR, ".card")[card]
                   .find_elements(By.CSS_SELECTOR, ".scale")[scale].find_elements(By.TAG_NAME, "button")[button]
                   .get_attribute("class"))

    browser.get(url.url)
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#people button"))
    assert browser.execute_script("return document.documentElement.lang") == "en"
    assert text("h1") == "Who are you?"
    browser.save_screenshot(str(shots / "phone-join-en.png"))
    person = browser.find_element(By.CSS_SELECTOR, f"button[data-voter='p:{built.participants[0]}']")
    assert person.size["height"] >= 48                               # a thumb's target
    person.click()
    wait.until(lambda b: b.find_elements(By.ID, "waiting"))
    assert text("#waiting") == "Waiting for the facilitator…"

    room.set_activity(Activity("vote", "process"))                   # the page follows by itself
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".card .vote"))
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".card .vote")[0].click() or True)
    wait.until(lambda b: text("#left") == "4 of 5 dots left")
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".card .vote")[0].click() or True)
    wait.until(lambda b: text("#left") == "3 of 5 dots left")
    browser.save_screenshot(str(shots / "phone-vote-en.png"))

    browser.find_element(By.ID, "lang").click()                     # to Korean
    wait.until(lambda b: text("#left") == tr("{left} of {total} dots left", lang="ko", left=3, total=5))
    assert browser.execute_script("return document.documentElement.lang") == "ko"
    browser.save_screenshot(str(shots / "phone-vote-ko.png"))

    room.set_activity(Activity("score", subject_id=built.cycle))
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".scale"))
    assert text(".what") == tr("Experienced level", lang="ko")
    press(0, 0, 3)                                                    # level 4
    press(0, 1, 1)                                                    # importance 2
    browser.save_screenshot(str(shots / "phone-score-ko.png"))

    browser.find_element(By.ID, "lang").click()                     # back to English
    room.set_activity(Activity("post", "idea", built.cycle))
    wait.until(lambda b: b.find_elements(By.ID, "touchpoint"))
    assert text("h1") == "Post an idea for a touchpoint — Parking"
    Select(browser.find_element(By.ID, "touchpoint")).select_by_index(2)
    hostile = "<img src=x onerror=\"document.title='owned'\"> Pay by card"
    browser.find_element(By.ID, "text").send_keys(hostile)
    browser.find_element(By.ID, "send").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#sentList li"))
    assert text("#sentList li") == hostile                            # shown as text
    assert not browser.find_elements(By.CSS_SELECTOR, "main img") and browser.title != "owned"
    browser.save_screenshot(str(shots / "phone-post-en.png"))

    room.stop()
    with Store.open(built.path, read_only=True) as store:
        votes = store.select("vote")
        assert [(v.participant_id, v.target_id, v.dots) for v in votes] == \
            [(built.participants[0], built.processes[0], 2)]
        scores = store.select("room_score")
        assert [(s.touchpoint_id, s.level, s.importance) for s in scores] == [(built.touchpoints[0], 4, 2)]
        assert [(i.touchpoint_id, i.text, i.author) for i in store.select("idea")] == \
            [(built.touchpoints[1], hostile, "Person 00")]


def test_the_room_code_form_leads_a_phone_into_the_room(built, open_room, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    room = open_room()
    browser.get(room.room.short_url)
    browser.find_element(By.NAME, "code").send_keys(room.room.code.lower())
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 15).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#people button"))
    assert browser.current_url == room.room.url
