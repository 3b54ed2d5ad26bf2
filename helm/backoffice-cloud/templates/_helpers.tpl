{{/*
Every enabled entry of .Values.services merged over .Values.serviceDefaults, as YAML (read it with fromYaml).
The service's key is its one name: Deployment, Service, Dapr app id and metric `service` label.
*/}}
{{- define "bocloud.workloads" -}}
{{- $workloads := dict -}}
{{- range $name, $overrides := .Values.services -}}
{{- if $overrides.enabled -}}
{{- $_ := set $workloads $name (mergeOverwrite (deepCopy $.Values.serviceDefaults) (deepCopy $overrides)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $workloads -}}
{{- end -}}

{{- define "bocloud.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "bocloud.labels" -}}
helm.sh/chart: {{ include "bocloud.chart" . }}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector of every pod of the release. */}}
{{- define "bocloud.releaseSelector" -}}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector of one service's pods. Call with (dict "root" $ "name" $name). */}}
{{- define "bocloud.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Labels of one service's objects. Call with (dict "root" $ "name" $name). */}}
{{- define "bocloud.serviceLabels" -}}
{{ include "bocloud.labels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ eq .name "portal" | ternary "web" "api" }}
{{- end -}}

{{/* name, namespace and labels of one service's object. Call with (dict "root" $ "name" $name). */}}
{{- define "bocloud.serviceMetadata" -}}
name: {{ .name }}
namespace: {{ .root.Release.Namespace }}
labels:
  {{- include "bocloud.serviceLabels" . | nindent 2 }}
{{- end -}}

{{/* <registry>/<repository>/<name>:<tag>; a service's own `image` overrides the global one key by key. */}}
{{- define "bocloud.image" -}}
{{- $image := mergeOverwrite (deepCopy .root.Values.image) (deepCopy (.workload.image | default dict)) -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .name ($image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{- define "bocloud.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" .Release.Name) -}}
{{- end -}}

{{- define "bocloud.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default .Release.Name -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}
