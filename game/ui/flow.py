"""The play flow: which screen shows the run's current state. The one module that imports the play
screens; the screens never make the next screen, they call ``Playthrough.choose()`` or
``advance()``, which come back here.

    story (a scene node) → decision → feedback (learning, facilitated) → … → debrief (the ending)

A new kind of node gets its screen by one entry in ``SCREENS`` (the run's ``kind`` → the scene class,
made as ``Scene(app, playthrough)``); a screen to show after a choice goes in ``after_choice``.
"""

from __future__ import annotations

from game.ui.artcache import PORTRAIT_SIZE, UPCOMING_NODES, node_keys, upcoming_keys
from game.ui.screens.assessment import AssessmentFeedbackScene, AssessmentScene
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.decision import DecisionScene
from game.ui.screens.feedback import FeedbackScene
from game.ui.screens.loading import LoadingScene
from game.ui.screens.story import StoryScene

# The run's kind of node -> the screen that shows it (a run that has ended shows the debrief).
SCREENS = {
    "scene": StoryScene,
    "decision": DecisionScene,
    "assessment": AssessmentScene,  # an individual assessment (story format 4, issue 19)
}


def scene_for(playthrough):
    """The screen for where the run stands now; a run at its ending is finished first (its time and
    score fixed, saved, sent), then shown in the debrief."""
    run = playthrough.run
    if run.ended:
        playthrough.finish()
        return DebriefScene(playthrough.app, playthrough)
    screen = SCREENS.get(run.kind, StoryScene)  # narration is the default, as the run treats it
    return screen(playthrough.app, playthrough)


def begin(playthrough) -> None:
    """The first screen of a new or resumed playthrough: everything the story can show is made in
    spare time from now on, nearest first; only the first screen's pictures are waited for."""
    app, story, run = playthrough.app, playthrough.story, playthrough.run
    art, size = app.art, app.size
    art.keep_only(story, size, PORTRAIT_SIZE)
    art.queue(upcoming_keys(story, run.node_id, size, PORTRAIT_SIZE))
    first = [k for k in node_keys(story, run.node_id, size, PORTRAIT_SIZE) if not art.has(k)]
    if not first:
        app.scenes.reset(scene_for(playthrough))
        return
    app.scenes.reset(LoadingScene(app, story, first, then=lambda: app.scenes.replace(scene_for(playthrough))))


def show_current(playthrough) -> None:
    """Move on to the screen for the run's new state; the screens that can come after it get their
    pictures first."""
    app = playthrough.app
    app.art.prioritise(upcoming_keys(playthrough.story, playthrough.run.node_id, app.size, PORTRAIT_SIZE,
                                     limit=UPCOMING_NODES))
    app.scenes.replace(scene_for(playthrough))


def after_choice(playthrough, node_id: str, node: dict, result) -> None:
    """After a decision: its feedback (learning and facilitated modes), or straight on (assessment:
    the feedback comes at the end, in the debrief)."""
    if playthrough.mode == "assessment":
        show_current(playthrough)
    else:
        screen = AssessmentFeedbackScene if node.get("kind") == "assessment" else FeedbackScene
        playthrough.app.scenes.replace(screen(playthrough.app, playthrough, node_id, node, result))
