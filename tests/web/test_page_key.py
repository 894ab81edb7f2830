"""The trainee key comes only in the link's fragment (#k=...): the built page reads it before it drops
the fragment, keeps it for that session and trainee, and no request carries it (issue 12)."""

from __future__ import annotations

from tests.web.test_page_chromium import browser, page, pytestmark, site  # noqa: F401  (fixtures, marks)

KEY = "0123456789abcdef0123456789abcdef"


def test_the_key_in_the_fragment_is_read_kept_and_never_sent(page, site):  # noqa: F811
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site + f"index.html?session=S1&trainee=T01#k={KEY}")
    assert page.evaluate("location.hash") == ""  # gone from the address bar at once
    assert page.evaluate("window.rpTraineeKey") == KEY
    assert page.evaluate("localStorage.getItem('rightspath-key:S1:T01')") == KEY
    page.reload()  # a reload (the fragment is gone) still signs for S1/T01
    assert page.evaluate("window.rpTraineeKey") == KEY
    assert all(KEY not in url for url in requests), [u for u in requests if KEY in u]
    page.goto(site + "index.html?session=S1&trainee=T02")  # another trainee code: not that key
    assert page.evaluate("window.rpTraineeKey") is None
    page.goto(site + "index.html?session=S2&trainee=T03#k=not-a-key")  # only 32 hex digits are taken
    assert page.evaluate("window.rpTraineeKey") is None
    assert page.evaluate("location.hash") == ""
