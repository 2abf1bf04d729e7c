"""The h5py and xarray examples of docs/results.md run as written against a real file."""
import re

from conftest import REPO, run


def python_blocks(markdown):
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


SWEEP = """
[simulation]
months = 12
replicates = 2
strategies = ["baseline", "peer_review"]

[sweep]
design = "list"
points = [
  { trust.decay = 0.01 },
  { trust.decay = 0.03 },
  { place.issues.community_safety.enabled = false },  # fails: fewer issues than the file has
]
"""


def test_the_results_documentation_examples_run(placesim, tmp_path):
    out = tmp_path / "default.h5"
    run([placesim, "run", "--replicates", "3", "--set", "simulation.months=30", "-o", str(out), "-q"], tmp_path,
        check=True)
    (tmp_path / "sweep.toml").write_text(SWEEP)
    sweep = tmp_path / "sweep.h5"
    run([placesim, "run", "sweep.toml", "-o", str(sweep), "-q"], tmp_path, check=True)
    blocks = python_blocks((REPO / "docs" / "results.md").read_text())
    assert len(blocks) >= 3
    for code in blocks:
        code = code.replace('"results/default.h5"', repr(str(out))).replace('"results/sweep.h5"', repr(str(sweep)))
        exec(compile(code, "docs/results.md", "exec"), {})
    # The failures loop of the first example, on a file with failures.
    exec(compile(blocks[0].replace('"results/default.h5"', repr(str(sweep))), "docs/results.md", "exec"), {})


def test_the_scenario_documentation_examples_are_valid(placesim, tmp_path):
    blocks = re.findall(r"```toml\n(.*?)```", (REPO / "docs" / "scenarios.md").read_text(), flags=re.S)
    assert len(blocks) >= 2
    for i, text in enumerate(blocks):
        (tmp_path / f"example{i}.toml").write_text(text)
        result = run([placesim, "validate", f"example{i}.toml"], tmp_path)
        assert result.returncode == 0, f"docs/scenarios.md example {i}:\n{result.stderr}"


def test_the_interventions_worked_example_runs(placesim, tmp_path):
    text = (REPO / "docs" / "interventions.md").read_text()
    scenario = re.findall(r"```toml\n(.*?)```", text, flags=re.S)[-1]
    (tmp_path / "cheap_mix.toml").write_text(scenario)
    run([placesim, "validate", "cheap_mix.toml"], tmp_path, check=True)
    run([placesim, "run", "cheap_mix.toml", "--replicates", "4", "--set", "simulation.months=72", "-q"], tmp_path,
        check=True)
    out = tmp_path / "results" / "cheap_mix.h5"
    assert out.exists()
    code = python_blocks(text)[-1].replace('"results/cheap_mix.h5"', repr(str(out)))
    exec(compile(code, "docs/interventions.md", "exec"), {})


def test_the_analysis_documentation_example_runs(placesim, tmp_path):
    out = tmp_path / "default.h5"
    run([placesim, "run", "--replicates", "2", "--set", "simulation.months=12", "-o", str(out), "-q"], tmp_path,
        check=True)
    blocks = python_blocks((REPO / "docs" / "analysis.md").read_text())
    assert len(blocks) == 1
    code = blocks[0].replace('"results/default.h5"', repr(str(out))).replace('"analysis"', repr(str(REPO / "analysis")))
    exec(compile(code, "docs/analysis.md", "exec"), {})
