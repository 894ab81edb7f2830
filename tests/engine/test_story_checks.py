"""Story._check has one check per node kind (game/engine/story.py): every kind the vocabulary
names has one, so a new kind cannot load unchecked, and a node of an unknown kind is refused."""

import pytest

from game.engine import story, vocab
from game.engine.story import Story, StoryError
from tests.engine.stories import finish, two_stage_story


def test_every_node_kind_has_its_check():
    assert set(story._NODE_CHECKS) == set(vocab.NODE_KINDS)
    assert set(story._NODE_CHECKS_BEFORE_4) == set(vocab.NODE_KINDS) - {"assessment"}


def test_a_node_of_no_known_kind_is_refused_by_name():
    data = two_stage_story()
    nid = next(iter(data["nodes"]))
    data["nodes"][nid]["kind"] = "cutscene"
    with pytest.raises(StoryError, match=f"node '{nid}' has no valid kind"):
        Story(finish(data))
