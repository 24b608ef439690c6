"""Multiple systems estimation (MSE): a pure library, no Django.

Estimate how many people exist in total, recorded or not, from how the lists of several
agencies overlap. The usual entry points:

    table = read_table("overlaps.csv")            # or capture_table(lists, patterns, counts)
    report = run_estimation(table, method="stepwise", bootstrap=1000, seed=1234)
    report.estimate, report.to_json(), render_text(report)

Lower-level pieces: `fit_model` (one log-linear model), `check_model` (existence and
identifiability), `stepwise_fit` / `aic_stepwise_fit` / `bic_ranking` (model selection),
`profile_interval` and `bootstrap` (intervals).
"""

from tabara.prevalence.mse.bootstrap import BootstrapResult, bootstrap
from tabara.prevalence.mse.checks import ModelCheck, check_model
from tabara.prevalence.mse.errors import MSEError, MSEInputError, MSEModelError
from tabara.prevalence.mse.fit import ModelFit, fit_model
from tabara.prevalence.mse.methods import METHODS, Method, Selector
from tabara.prevalence.mse.profile import ProfileInterval, profile_interval
from tabara.prevalence.mse.reading import parse_rows, read_table
from tabara.prevalence.mse.render import render_text
from tabara.prevalence.mse.report import BootstrapSummary, EstimationReport, run_estimation
from tabara.prevalence.mse.results import MethodResult
from tabara.prevalence.mse.search import RankedModel, bic_ranking
from tabara.prevalence.mse.stepwise import aic_stepwise_fit, independence_fit, stepwise_fit
from tabara.prevalence.mse.table import CaptureTable, capture_table

__all__ = [
    "METHODS",
    "BootstrapResult",
    "BootstrapSummary",
    "CaptureTable",
    "EstimationReport",
    "MSEError",
    "MSEInputError",
    "MSEModelError",
    "Method",
    "MethodResult",
    "ModelCheck",
    "ModelFit",
    "ProfileInterval",
    "RankedModel",
    "Selector",
    "aic_stepwise_fit",
    "bic_ranking",
    "bootstrap",
    "capture_table",
    "check_model",
    "fit_model",
    "independence_fit",
    "parse_rows",
    "profile_interval",
    "read_table",
    "render_text",
    "run_estimation",
    "stepwise_fit",
]
