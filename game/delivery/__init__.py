"""Results that travel by themselves: xAPI statements queued on the device and sent to a learning-record
store as the playthrough goes (docs/CONTRACTS.md §14).

Standard library only (it ships to the browser). ``Outbox`` keeps the statements still to send in the
platform's storage, so a closed tab or a killed process loses none; ``Sender`` sends them in order, a
batch at a time, through the platform's non-blocking HTTP (``platform.http_request`` /
``http_result``), polled once per frame by ``tick()``: the frame loop never waits for the network.
"""

from game.delivery.outbox import Outbox
from game.delivery.sender import LrsTarget, Sender

__all__ = ["LrsTarget", "Outbox", "Sender"]
