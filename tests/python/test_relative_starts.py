"""Interventions that start relative to another: start_after = "other" puts the first session
start_month months after the other's last month."""
import h5py
import numpy as np

from conftest import run

SEQUENCE = """\
[simulation]
months = 40
replicates = 1
strategies = ["baseline", "sequence"]

[interventions.first_review]
based_on = "peer_review"
start_month = 3
duration_months = 6
cadence_months = 1

[interventions.then_review]
based_on = "peer_review"
start_after = "first_review"
start_month = 2
duration_months = 4
cadence_months = 1

[strategies.sequence]
interventions = ["first_review", "then_review"]
"""


def test_the_second_starts_its_offset_after_the_first_ends(placesim, tmp_path):
    (tmp_path / "s.toml").write_text(SEQUENCE)
    run([placesim, "run", str(tmp_path / "s.toml"), "-o", str(tmp_path / "s.h5"), "--quiet"], tmp_path, check=True)
    with h5py.File(tmp_path / "s.h5", "r") as f:
        sessions = f["metrics/intervention_sessions"][1]
    # first_review: months 3-8; then_review: 3 + 6 + 2 = month 11 to 14; none between.
    assert np.flatnonzero(sessions > 0).tolist() == [3, 4, 5, 6, 7, 8, 11, 12, 13, 14]


def test_mistakes_are_named(placesim, tmp_path):
    cases = [
        (SEQUENCE.replace('interventions = ["first_review", "then_review"]', 'interventions = ["then_review"]'),
         "interventions.then_review.start_after: 'first_review' is not an intervention of the same strategy "
         "(strategy sequence)"),
        (SEQUENCE.replace('based_on = "peer_review"\nstart_month = 3',
                          'based_on = "peer_review"\nstart_after = "then_review"\nstart_month = 3'),
         "the interventions start after each other in a circle"),
        (SEQUENCE.replace('start_after = "first_review"', 'start_after = "then_review"'),
         "interventions.then_review.start_after: an intervention cannot start after itself"),
        (SEQUENCE.replace('start_after = "first_review"', 'start_after = "frist_review"'),
         "interventions.then_review.start_after"),
    ]
    for text, message in cases:
        (tmp_path / "bad.toml").write_text(text)
        result = run([placesim, "validate", str(tmp_path / "bad.toml")], tmp_path)
        assert result.returncode == 2, text
        assert message in result.stderr, (message, result.stderr)
