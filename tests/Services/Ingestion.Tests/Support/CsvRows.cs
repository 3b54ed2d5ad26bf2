using System.Text;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Validation;
using Google.Protobuf;

namespace BackOfficeCloud.Ingestion.Tests.Support;

/// <summary>CSV text read into rows as an import reads them, the shipped examples under docs/examples/ingestion, and a validator's errors.</summary>
public static class CsvRows
{
    public static async Task<List<ImportRow<T>>> ReadAsync<T>(string csv, ColumnMapping mapping)
        where T : class, IMessage<T>, new()
    {
        var rows = new List<ImportRow<T>>();
        await foreach (var row in new CsvRecordSource<T>(new MemoryStream(Encoding.UTF8.GetBytes(csv)), mapping).ReadAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The text of a file of docs/examples/ingestion.</summary>
    public static Task<string> ExampleAsync(string fileName) =>
        File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "examples", "ingestion", fileName));

    /// <summary>The errors a validator reports for row 7; every one of them must name that row.</summary>
    public static IReadOnlyList<RowError> Errors(Action<RowErrors> validate)
    {
        var errors = new RowErrors(7);
        validate(errors);
        Assert.All(errors.Errors, e => Assert.Equal(7, e.Row));
        return errors.Errors;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BackOfficeCloud.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root is not above the test binaries");
    }
}
