"""Mistakes that make a valid scenario but probably not the one meant are warned of (with file,
line and key), not refused; the default scenario has none."""
from conftest import run

SCENARIO = """\
[simulation]
months = 24
replicates = 1
strategies = ["baseline", "late", "empty", "small_cohort", "slow_snowball"]

[interventions.late_review]
based_on = "peer_review"
start_month = 30

[interventions.tiny]
based_on = "cross_sector_programme"
sectors = ["police"]
cap = 20

[interventions.slow]
based_on = "co_design"
start_month = 1
duration_months = 6
cadence_months = 2
seeds = 2
growth = 1
cap = 30

[strategies.late]
interventions = ["late_review"]

[strategies.empty]
interventions = []

[strategies.small_cohort]
interventions = ["tiny"]

[strategies.slow_snowball]
interventions = ["slow"]

[strategies.unused]
interventions = ["peer_review"]
"""


def test_each_mistake_is_warned_of_with_its_line_and_the_run_goes_on(placesim, tmp_path):
    (tmp_path / "w.toml").write_text(SCENARIO)
    result = run([placesim, "run", str(tmp_path / "w.toml"), "-o", str(tmp_path / "w.h5")], tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("placesim: warning: ")]
    expected = [
        "w.toml:8: interventions.late_review.start_month: its first session would be in month 30, after the last "
        "month (24): it never runs in strategy late",
        "w.toml:28: strategies.empty.interventions: the strategy has no interventions",
        "w.toml:13: interventions.tiny.cap: its sectors and roles hold 9 posts, fewer than its cap of 20",
        # Sessions in months 1, 3 and 5: two seeds and one newcomer a session after the first.
        "w.toml:22: interventions.slow.cap: a snowball of 2 seeds growing by 1 over 3 sessions reaches at most 4 of "
        "its cap of 30",
        "w.toml:36: strategies.unused: declared but not compared",
    ]
    assert len(warnings) == len(expected), warnings
    for text in expected:
        assert any(text in w for w in warnings), (text, warnings)
    # The bound the snowball warning states holds in the run: never more than 4 invited.
    import h5py
    import numpy as np
    with h5py.File(tmp_path / "w.h5", "r") as f:
        labels = np.array([v.decode() for v in f["design/label"][...]])
        invited = f["metrics/invitations"][labels == "slow_snowball", :]
    assert 2 <= np.nanmax(invited) <= 4


def test_the_default_scenario_has_no_warnings(placesim, tmp_path):
    result = run([placesim, "validate"], tmp_path)
    assert result.returncode == 0
    assert "warning" not in result.stderr


def test_quiet_means_no_warnings(placesim, tmp_path):
    (tmp_path / "w.toml").write_text(SCENARIO)
    result = run([placesim, "run", str(tmp_path / "w.toml"), "-o", str(tmp_path / "w.h5"), "--quiet"], tmp_path)
    assert result.returncode == 0 and result.stderr == ""
