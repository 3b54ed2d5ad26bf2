using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOfficeCloud.Messaging.Dapr;

/// <summary>
/// An envelope already written, for <c>DaprClient.BulkPublishEventAsync</c>: the client marks an entry
/// <c>application/cloudevents+json</c> (forwarded as is by daprd) only when it is a <see cref="global::Dapr.CloudEvent"/>, and
/// serializes it with System.Text.Json; this converter writes the envelope's bytes unchanged, so its id and
/// <c>tenantid</c> survive.
/// </summary>
[JsonConverter(typeof(Converter))]
internal sealed class StructuredCloudEvent(ReadOnlyMemory<byte> envelope) : global::Dapr.CloudEvent
{
    public ReadOnlyMemory<byte> Envelope { get; } = envelope;

    private sealed class Converter : JsonConverter<StructuredCloudEvent>
    {
        public override StructuredCloudEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Structured CloudEvents are only written.");

        public override void Write(Utf8JsonWriter writer, StructuredCloudEvent value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Envelope.Span, skipInputValidation: true);
    }
}
