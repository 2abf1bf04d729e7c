"""Scenario discovery: PRIM finds boxes that are planted on purpose, in synthetic data and in a
sweep of the engine; robustness measures are checked against their definitions."""
import json

import numpy as np
import pandas as pd
import pytest

from conftest import run
from placesim_analysis.discovery import chosen_box, prim, robustness


def test_prim_finds_a_planted_box_and_ignores_the_other_parameters():
    rng = np.random.default_rng(4)
    x = rng.random((2000, 3))
    y = (x[:, 0] > 0.2) & (x[:, 0] < 0.5) & (x[:, 1] > 0.6)
    trajectory = prim(x, y)
    box = chosen_box(x, ["a", "b", "c"], trajectory)
    assert set(box.limits) == {"a", "b"}, box.limits
    assert box.limits["a"][0] == pytest.approx(0.2, abs=0.05) and box.limits["a"][1] == pytest.approx(0.5, abs=0.05)
    assert box.limits["b"][0] == pytest.approx(0.6, abs=0.05)
    assert box.coverage > 0.85 and box.density > 0.85
    # The trajectory starts at the whole space: coverage 1, density the base rate.
    assert trajectory[0][2] == 1.0 and trajectory[0][3] == pytest.approx(y.mean())
    # Coverage never rises as the box shrinks.
    coverages = [entry[2] for entry in trajectory]
    assert all(b <= a + 1e-12 for a, b in zip(coverages, coverages[1:]))


def test_robustness_follows_its_definitions():
    table = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [2.0, 1.0, 3.0]})
    frame = robustness(table, threshold=2.0).set_index("strategy")
    assert frame.loc["a", "mean_regret"] == pytest.approx(1 / 3)   # regrets 1, 0, 0
    assert frame.loc["b", "largest_regret"] == pytest.approx(1.0)  # regrets 0, 1, 0
    assert frame.loc["a", "share_meeting_threshold"] == pytest.approx(2 / 3)
    assert frame.loc["a", "share_best"] == pytest.approx(2 / 3) and frame.loc["b", "share_best"] == pytest.approx(2 / 3)


# A strategy whose one session costs GBP 1k per participant: it costs anything only when its
# session falls within the 24 months, and a lot only when most of the invited come. Its cost
# reaches half the posts' worth only inside start_month <= 24 and take_up >= about 0.5: a box
# in two of the three swept parameters (trust.decay is irrelevant to it).
SWEEP = """\
[simulation]
months = 24
replicates = 1
strategies = ["baseline", "one_session"]

[interventions.single]
based_on = "peer_review"
targeting = "roles"
sectors = []
roles = []
start_month = 6
duration_months = 1
cadence_months = 1
cost_fixed = 0.0
cost_per_participant_session = 1.0
take_up_relevance = 0.0
take_up_fatigue = 0.0

[strategies.one_session]
interventions = ["single"]

[sweep]
design = "latin_hypercube"
samples = 240
seed = 5

[sweep.parameters]
"interventions.single.start_month" = { min = 1, max = 48 }
"interventions.single.take_up" = { min = 0.0, max = 1.0 }
"trust.decay" = { min = 0.005, max = 0.05 }
"""


def test_discover_finds_the_box_planted_in_a_sweep(placesim, tmp_path):
    (tmp_path / "s.toml").write_text(SWEEP)
    run([placesim, "run", str(tmp_path / "s.toml"), "-o", str(tmp_path / "s.h5"), "--quiet"], tmp_path, check=True)
    posts = 67  # the default place's posts
    result = run([placesim, "discover", str(tmp_path / "s.h5"), "--strategy", "one_session", "--outcome",
                  "cost_cumulative", "--at", "24", "--threshold", str(posts / 2), "--format", "json"], tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    limits = found["box"]["limits"]
    assert set(limits) == {"interventions.single.start_month", "interventions.single.take_up"}, limits
    assert limits["interventions.single.start_month"][1] == pytest.approx(24, abs=3)
    assert limits["interventions.single.take_up"][0] == pytest.approx(0.5, abs=0.1)
    assert found["box"]["coverage"] > 0.8 and found["box"]["density"] > 0.8
    scores = found["feature_scores"]
    assert scores["trust.decay"] < min(scores["interventions.single.start_month"], scores["interventions.single.take_up"])
    text = run([placesim, "discover", str(tmp_path / "s.h5"), "--strategy", "one_session", "--outcome",
                "cost_cumulative", "--at", "24", "--threshold", str(posts / 2)], tmp_path, check=True).stdout
    assert "PRIM box" in text and "CART rules" in text and "Robustness" in text


def test_discover_needs_a_sweep_and_a_known_strategy(placesim, tmp_path):
    (tmp_path / "plain.toml").write_text("[simulation]\nmonths = 12\nreplicates = 2\n")
    run([placesim, "run", str(tmp_path / "plain.toml"), "-o", str(tmp_path / "p.h5"), "--quiet"], tmp_path, check=True)
    result = run([placesim, "discover", str(tmp_path / "p.h5"), "--strategy", "baseline"], tmp_path)
    assert result.returncode == 2 and "has no sweep" in result.stderr


def test_discover_refuses_a_one_point_sweep_and_a_threshold_that_is_not_a_number(placesim, tmp_path):
    (tmp_path / "one.toml").write_text('[simulation]\nmonths = 12\nreplicates = 2\nstrategies = ["baseline", '
                                       '"peer_review"]\n[sweep]\ndesign = "grid"\n[sweep.parameters]\n'
                                       'trust.decay = { values = [0.02] }\n')
    run([placesim, "run", "one.toml", "-o", "one.h5", "--quiet"], tmp_path, check=True)
    result = run([placesim, "discover", "one.h5", "--strategy", "peer_review"], tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "one design point" in result.stderr and "Traceback" not in result.stderr
    for threshold in ("nan", "inf", "-inf", "NaN"):
        result = run([placesim, "discover", "one.h5", "--strategy", "peer_review", f"--threshold={threshold}"], tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert f"--threshold: expected a finite number, got '{threshold}'" in result.stderr, result.stderr
