{{/*
The chart name, or nameOverride. Kubernetes names are limited to 63 characters.
*/}}
{{- define "civic311.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The fully qualified name of this release's resources: fullnameOverride, or <release>-<name>,
or just the release name when it already contains the chart name.
*/}}
{{- define "civic311.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Labels on every resource.
*/}}
{{- define "civic311.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "civic311.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select this release's pods. They never change between upgrades.
*/}}
{{- define "civic311.selectorLabels" -}}
app.kubernetes.io/name: {{ include "civic311.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The container image: repository:tag, the tag defaulting to the chart's appVersion.
*/}}
{{- define "civic311.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Fails the render with the exact fix for every required value that is missing.
values.schema.json checks the form of a value that is set (a jdbc:postgresql:// URL, a valid
Secret name) but lets an empty one through, so that this message, not a bare schema error,
tells the operator what to do.
*/}}
{{- define "civic311.validateValues" -}}
{{- $messages := list }}
{{- if not .Values.database.url }}
{{- $messages = append $messages "civic311: set database.url to the JDBC URL of the PostgreSQL database, e.g. --set database.url=jdbc:postgresql://postgres:5432/civic311 (see docs/operations.md)" }}
{{- end }}
{{- if not .Values.database.existingSecret }}
{{- $messages = append $messages "civic311: set database.existingSecret to the name of a Secret with keys app-user, app-password, owner-user, owner-password (see docs/operations.md)" }}
{{- end }}
{{- if not .Values.identity.issuer }}
{{- $messages = append $messages "civic311: set identity.issuer to the Keycloak realm's issuer URL as browsers see it, e.g. --set identity.issuer=https://login.example.org/realms/civic311 (see docs/operations.md)" }}
{{- end }}
{{- $minAvailable := .Values.podDisruptionBudget.minAvailable }}
{{- if and (gt (int .Values.replicaCount) 1) (not (kindIs "string" $minAvailable)) }}
{{- if ge (int $minAvailable) (int .Values.replicaCount) }}
{{- $messages = append $messages (printf "civic311: set podDisruptionBudget.minAvailable below replicaCount (now %d and %d), or no pod can ever be evicted and node drains block" (int $minAvailable) (int .Values.replicaCount)) }}
{{- end }}
{{- end }}
{{- if $messages }}
{{- fail (printf "\n%s" (join "\n" $messages)) }}
{{- end }}
{{- end }}
