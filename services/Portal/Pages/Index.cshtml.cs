using BackOfficeCloud.Contracts.Analytics.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOfficeCloud.Portal.Pages;

public sealed class IndexModel(AnalyticsService.AnalyticsServiceClient analytics) : PageModel
{
    public long? InteractionCount { get; private set; }

    public string? Unavailable { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await analytics.GetInteractionCountAsync(new GetInteractionCountRequest(), cancellationToken: cancellationToken);
            InteractionCount = reply.Count;
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            Unavailable = "Analytics is not answering right now; the figures will be back when it is.";
        }
    }
}
