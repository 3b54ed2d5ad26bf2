namespace BackOfficeCloud.Planning.Forecasting;

/// <summary>How a method did in a rolling-origin backtest, over the open intervals of all folds.</summary>
/// <param name="Wape">Σ|forecast − actual| / Σ actual: the selection metric.</param>
/// <param name="Mase">Mean absolute error over that of last week's value in the training data, averaged over folds.</param>
/// <param name="Bias">Σ(forecast − actual) / Σ actual: positive when over-forecasting.</param>
/// <param name="Coverage80">Share of actuals inside the 80% interval (calibrated on the other folds).</param>
/// <param name="Coverage95">Share of actuals inside the 95% interval.</param>
/// <param name="Folds">Folds scored.</param>
public sealed record MethodScore(string Method, double Wape, double Mase, double Bias, double Coverage80, double Coverage95, int Folds);
