"""The pause menu: resume, restart, settings, back to the main menu (progress is saved first)."""

from __future__ import annotations

from game.ui.screens.dialog import Dialog
from game.ui.screens.settings import SettingsScene
from game.ui.tr import N_, _


class PauseScene(Dialog):
    name = "pause"

    def __init__(self, app, playthrough):
        saved = _("Your progress is saved after every decision.") if not playthrough.save_error else \
            _("Saving failed: {reason}").format(reason=playthrough.save_error)
        super().__init__(app, N_("Paused"), f"{playthrough.story.title}. {saved}",
                         [(N_("Resume"), "resume"), (N_("Restart"), "restart"), (N_("Settings"), "settings"),
                          (N_("Main menu"), "menu")], cancel="resume", icon="pause")
        self.playthrough = playthrough

    def close(self, result=None) -> None:
        app, playthrough = self.app, self.playthrough
        super().close(result)
        if result == "restart":
            dlg = Dialog(app, N_("Restart this scenario?"),
                         N_("The playthrough so far will be replaced by a new one from the beginning."),
                         [(N_("Restart"), True), (N_("Cancel"), False)], cancel=False, icon="warning", name="confirm-restart")
            app.scenes.push(dlg, lambda ok: ok and playthrough.restart())
        elif result == "settings":
            app.scenes.push(SettingsScene(app))
        elif result == "menu":
            playthrough.autosave()
            app.to_title()
