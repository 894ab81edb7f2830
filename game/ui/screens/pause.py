"""The pause menu: resume, restart, settings, back to the main menu (progress is saved first)."""

from __future__ import annotations

from game.ui.screens.dialog import Dialog
from game.ui.tr import N_, _


class PauseScene(Dialog):
    name = "pause"

    def __init__(self, app, session):
        saved = _("Your progress is saved after every decision.") if not session.save_error else \
            _("Saving failed: {reason}").format(reason=session.save_error)
        super().__init__(app, N_("Paused"), f"{session.story.title}. {saved}",
                         [(N_("Resume"), "resume"), (N_("Restart"), "restart"), (N_("Settings"), "settings"),
                          (N_("Main menu"), "menu")], cancel="resume", icon="pause")
        self.session = session

    def close(self, result=None) -> None:
        app, session = self.app, self.session
        super().close(result)
        if result == "restart":
            dlg = Dialog(app, N_("Restart this scenario?"),
                         N_("The playthrough so far will be replaced by a new one from the beginning."),
                         [(N_("Restart"), True), (N_("Cancel"), False)], cancel=False, icon="warning", name="confirm-restart")
            app.scenes.push(dlg, lambda ok: ok and session.restart())
        elif result == "settings":
            from game.ui.screens.settings import SettingsScene

            app.scenes.push(SettingsScene(app))
        elif result == "menu":
            from game.ui.screens.title import TitleScene

            session.autosave()
            app.session = None
            app.scenes.reset(TitleScene(app))
