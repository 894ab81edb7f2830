"""The story engine: standard library only, shipped to the browser.

Loads compiled story JSON, walks it, evaluates conditions from their trees, applies effects and
scores each decision against the rights it upholds or breaches.
"""

from game.engine.autoplay import auto_choices, auto_play, play_choices
from game.engine.run import ChoiceError, ChoiceView, Run, SaveError
from game.engine.scoring import DecisionRecord, ScoreCard
from game.engine.story import FORMAT_VERSION, READER_VERSION, Story, StoryError

__all__ = [
    "ChoiceError", "ChoiceView", "DecisionRecord", "FORMAT_VERSION", "READER_VERSION",
    "Run", "SaveError", "ScoreCard", "Story", "StoryError", "auto_choices", "auto_play", "play_choices",
]
