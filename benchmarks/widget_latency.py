"""How fast the network editor answers a click on a 50-person network.

After a click (add a person, tick a tie, remove a person) the quality profile, the netwerkcirkel
and the autosave file must be updated within 0.2 s. This measures the kernel side of a click: the
button's callback runs the change, recomputes the profile and the figure, writes the file and puts
the new figure and profile table in the widgets (what is then sent to the browser).

Run from the repository root:  python benchmarks/widget_latency.py
Exits with status 1 if the median of any action is over the limit.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from netles import EgoNetwork, vocab
from netles.widgets import network_editor

LIMIT_SECONDS = 0.2
N_ALTERS = 50
REPEATS = 15


def network_of(n: int, seed: int = 1) -> EgoNetwork:
    """A network of ``n`` people with every field filled and about 10% of pairs tied."""
    rng = random.Random(seed)
    alters = []
    for i in range(n):
        alters.append({
            "alter_id": f"a{i}", "name": f"P{i}", "relation": rng.choice(vocab.RELATION.codes),
            "circle": rng.choice(vocab.CIRCLE.codes), "contact": rng.choice(vocab.CONTACT.codes),
            "travel_minutes": rng.randint(0, 90), "support": rng.sample(vocab.SUPPORT.codes, rng.randint(0, 3)),
            "support_direction": rng.choice(vocab.SUPPORT_DIRECTION.codes), "valence": rng.choice(vocab.VALENCE.codes),
            "status": rng.choice(vocab.STATUS.codes), "gender": rng.choice(vocab.GENDER.codes),
        })
    ties = [{"source": f"a{i}", "target": f"a{j}"} for i in range(n) for j in range(i + 1, n) if rng.random() < 0.1]
    return EgoNetwork(ego={"ego_id": "bench", "gender": "F"}, alters=alters, ties=ties)


def _time(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    folder = Path(tempfile.mkdtemp())
    widget, state = network_editor(folder / "bench.json", net=network_of(N_ALTERS))
    widget.name.value = "warm"
    widget.add_button.click()  # the first figure pays plotly's one-off start-up cost
    timings: dict[str, list[float]] = {"add (click)": [], "tick a tie": [], "remove (click)": []}
    for k in range(REPEATS):
        size = state.profile["size"]

        def add():
            widget.name.value = f"Nieuw {k}"
            widget.add_button.click()

        timings["add (click)"].append(_time(add))
        assert state.profile["size"] == size + 1
        new_id = state.network.alter_ids[-1]
        widget.people.value = new_id
        other = state.network.alter_ids[k]
        timings["tick a tie"].append(_time(lambda: setattr(widget.tie_boxes[other], "value", True)))
        assert state.network.has_tie(new_id, other)
        timings["remove (click)"].append(_time(widget.remove_button.click))
        assert state.profile["size"] == size
    print(f"network editor, {N_ALTERS} people, {REPEATS} clicks each; limit {LIMIT_SECONDS:.1f} s")
    failed = False
    for action, values in timings.items():
        median, worst = statistics.median(values), max(values)
        failed |= median > LIMIT_SECONDS
        print(f"  {action:<15} median {median:.3f} s   max {worst:.3f} s")
    print("  of which profile + figure + file (state only):", f"{state.last_update_seconds:.3f} s (last change)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
