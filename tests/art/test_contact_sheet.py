from game.engine.vocab import LOCATIONS
from tests.art import contact_sheet


def test_contact_sheet_writes_every_picture(tmp_path):
    assert contact_sheet.main([str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    for loc in LOCATIONS:
        assert f"bg_{loc}.png" in names and f"bg_ui_{loc}.png" in names
    assert {"portraits.png", "portraits_0.png", "icons.png"} <= names
