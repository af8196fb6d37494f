#!/usr/bin/env bash
# Validates Huiyin's deployment files without a Docker engine or a Kubernetes cluster:
#   docker-compose.yml        compose's own validation (Compose v2 plugin, else docker-compose 1.29 from Debian),
#                             every secret a required variable, the services wired as the Java code expects
#   deploy/compose/*          the env example (demo values marked DEMO-ONLY), helper scripts (bash -n, shellcheck)
#   deploy/docker/Dockerfile  instructions, stages, build args, and the files it needs present and not .dockerignored
#   deploy/keycloak/*.json    realm roles, clients, claims, users in step with contracts/reference-data/demo-users.json
#   deploy/k8s/*              every YAML parses, Deployments/Services/probes/secrets, kustomize renders (kubectl)
# Prints one line per check and "validate-deployment: N passed, M failed"; exits 1 on any failure.
#
# Usage: deploy/validate-deployment.sh            (from anywhere; CI runs it as root on a Debian machine)
# Installs with apt-get, only when missing: docker-compose (no recommends: no Docker engine) and python3-yaml.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
ENV_EXAMPLE=deploy/compose/compose.env.example
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }
section() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}
apt_updated=
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; return 1; }
    apt_updated=1
  fi
  # --no-install-recommends: Debian's docker-compose recommends docker.io, an engine this must not install.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log"; return 1; }
}

# ------------------------------------------------------------------------------------------------------------------
section "Tools"
compose=()
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "  installing Debian's docker-compose (validator only, no engine) ..."
  if apt_install docker-compose && command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
  fi
fi
if [ ${#compose[@]} -eq 0 ]; then
  fail "no Compose validator: neither 'docker compose' nor docker-compose, and apt-get could not install it"
  echo "validate-deployment: $passed passed, $failed failed"
  exit 1
fi
pass "compose validator: ${compose[*]} ($("${compose[@]}" version 2>/dev/null | head -n 1))"

PY=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' >/dev/null 2>&1; then
    PY=$candidate
    break
  fi
done
if [ -z "$PY" ]; then
  echo "  installing python3-yaml ..."
  if apt_install python3-yaml && /usr/bin/python3 -c 'import yaml' >/dev/null 2>&1; then PY=/usr/bin/python3; fi
fi
if [ -z "$PY" ]; then
  fail "no python3 with PyYAML (apt-get install python3-yaml)"
  echo "validate-deployment: $passed passed, $failed failed"
  exit 1
fi
pass "python with PyYAML: $PY"

# ------------------------------------------------------------------------------------------------------------------
section "docker-compose.yml"
# Compose reads .env from the project directory by itself; --env-file pins the example so a developer's own .env
# cannot change the result.
if "${compose[@]}" --env-file "$ENV_EXAMPLE" -f docker-compose.yml config -q 2>"$work/config.err"; then
  pass "compose config -q with $ENV_EXAMPLE"
else
  fail "compose config -q with $ENV_EXAMPLE: $(cat "$work/config.err")"
fi
if "${compose[@]}" --env-file "$ENV_EXAMPLE" -f docker-compose.yml config >"$work/compose.rendered.yml" 2>"$work/config.err"; then
  pass "compose config renders the stack"
else
  fail "compose config render: $(cat "$work/config.err")"
  : >"$work/compose.rendered.yml"
fi

# Secrets must be required variables: with no variables at all compose must refuse, and it must also refuse when
# any single secret of the example is missing. env -i: nothing from the caller's environment leaks in.
: >"$work/empty.env"
if env -i PATH="$PATH" HOME="${HOME:-/root}" "${compose[@]}" --env-file "$work/empty.env" -f docker-compose.yml config -q \
    >"$work/empty.out" 2>&1; then
  fail "compose config succeeded without any variables: secrets are not required variables"
elif grep -q 'compose.env.example' "$work/empty.out"; then
  pass "compose config refuses to run without the env file (required-variable message)"
else
  fail "compose config without variables failed for another reason: $(cat "$work/empty.out")"
fi
secret_vars=$(grep -E '^[A-Z0-9_]+=DEMO' "$ENV_EXAMPLE" | cut -d= -f1 || true)
for var in $secret_vars; do
  grep -v "^$var=" "$ENV_EXAMPLE" >"$work/missing.env"
  if env -i PATH="$PATH" HOME="${HOME:-/root}" "${compose[@]}" --env-file "$work/missing.env" -f docker-compose.yml config -q \
      >"$work/missing.out" 2>&1; then
    fail "compose config succeeded without $var: it must be \${$var:?...}"
  elif grep -q "$var" "$work/missing.out"; then
    pass "secret $var is a required variable"
  else
    fail "compose config without $var failed for another reason: $(cat "$work/missing.out")"
  fi
done

# ------------------------------------------------------------------------------------------------------------------
section "Kubernetes manifests"
if command -v kubectl >/dev/null 2>&1; then
  if kubectl kustomize deploy/k8s >"$work/k8s.rendered.yml" 2>"$work/kustomize.err"; then
    pass "kubectl kustomize deploy/k8s renders ($(grep -c '^kind:' "$work/k8s.rendered.yml") objects)"
  else
    fail "kubectl kustomize deploy/k8s: $(cat "$work/kustomize.err")"
    : >"$work/k8s.rendered.yml"
  fi
else
  echo "  skip  kubectl not installed: kustomize rendering not checked (the manifests are still parsed below)"
  : >"$work/k8s.rendered.yml"
fi

# ------------------------------------------------------------------------------------------------------------------
section "Scripts"
for script in deploy/validate-deployment.sh deploy/compose/*/*.sh; do
  if bash -n "$script" 2>"$work/bashn.err"; then pass "bash -n $script"; else fail "bash -n $script: $(cat "$work/bashn.err")"; fi
done
if command -v shellcheck >/dev/null 2>&1; then
  for script in deploy/validate-deployment.sh deploy/compose/*/*.sh; do
    if shellcheck -S warning "$script" >"$work/shellcheck.out" 2>&1; then pass "shellcheck $script"
    else fail "shellcheck $script: $(cat "$work/shellcheck.out")"; fi
  done
fi
if command -v node >/dev/null 2>&1; then
  for js in deploy/compose/*/*.js; do
    if node --check "$js" 2>"$work/node.err"; then pass "node --check $js (mongosh script syntax)"
    else fail "node --check $js: $(cat "$work/node.err")"; fi
  done
fi
if "$PY" deploy/keycloak/generate-realm.py --check >"$work/realm.out" 2>&1; then
  pass "deploy/keycloak/huiyin-realm.json is generated from contracts/reference-data/demo-users.json"
else
  fail "$(cat "$work/realm.out")"
fi

# ------------------------------------------------------------------------------------------------------------------
section "Content checks"
cat >"$work/checks.py" <<'PY'
"""Structural checks of the deployment files. Prints 'PASS <what>' / 'FAIL <what>' per check, then 'END'."""
import base64
import json
import glob
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import yaml

ROOT, RENDERED_COMPOSE, RENDERED_K8S, ENV_EXAMPLE = sys.argv[1:5]
os.chdir(ROOT)

SERVICES = {"intake": 8081, "triage": 8082, "joint-meeting": 8083, "follow-up": 8084, "dashboard": 8085,
            "notifications": 8086}
ROLES = ["window-clerk", "hotline-operator", "triage-officer", "org-handler", "department-liaison",
         "meeting-convener", "supervisor", "callback-agent", "dashboard-viewer", "admin"]
SECRET_NAME = re.compile(r"PASSWORD|SECRET|_KEY$|_KEY_|JAAS|MONGODB_URI|APPLICATION_JSON")
REQUIRED_VAR = re.compile(r"\$\{[A-Z0-9_]+:\?[^}]*\}")


def check(what, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + what + ("" if condition or not detail else f": {detail}"))
    return condition


def section(name, function):
    try:
        function()
    except Exception as e:  # a crash is a failed check, with the reason
        check(f"{name} checks ran", False, f"{type(e).__name__}: {e}")


def read_env_file(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value
    return values


# --- docker-compose.yml ---------------------------------------------------------------------------------------------
def compose_checks():
    raw_text = open("docker-compose.yml", encoding="utf-8").read()
    raw = yaml.safe_load(raw_text)
    # Without comment lines: the comments may mention ${VAR:?...} and DEMO-ONLY.
    code = "\n".join(line for line in raw_text.splitlines() if not line.lstrip().startswith("#"))
    check("docker-compose.yml has no obsolete version: key", "version" not in raw)
    check("docker-compose.yml contains no DEMO-ONLY value (they belong in the env example)",
          "DEMO-ONLY" not in code and "DEMOONLY" not in code)
    services = raw.get("services", {})
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(key):
                check(f"compose {name}.{key} comes from a required variable",
                      isinstance(value, str) and REQUIRED_VAR.search(value) is not None, repr(value))
    example = read_env_file(ENV_EXAMPLE)
    for variable in sorted(set(re.findall(r"\$\{([A-Z0-9_]+):\?", code))):
        check(f"required variable {variable} is in {ENV_EXAMPLE}", variable in example)

    rendered = yaml.safe_load(open(RENDERED_COMPOSE, encoding="utf-8")) or {}
    rs = rendered.get("services", {})
    check("compose defines kafka, mongo, keycloak and the five services",
          set(rs) >= {"kafka", "mongo", "keycloak", *SERVICES}, sorted(rs))
    kc_hostname = (rs.get("keycloak", {}).get("environment") or {}).get("KC_HOSTNAME", "")
    for name, port in SERVICES.items():
        s = rs.get(name, {})
        build = s.get("build", {})
        check(f"{name}: built from deploy/docker/Dockerfile with SERVICE={name} PORT={port}",
              os.path.normpath(build.get("context", "")) == os.path.normpath(ROOT)
              and build.get("dockerfile") == "deploy/docker/Dockerfile"
              and (build.get("args") or {}).get("SERVICE") == name
              and str((build.get("args") or {}).get("PORT")) == str(port), build)
        ports = [str(p.get("published")) + ":" + str(p.get("target")) if isinstance(p, dict) else str(p)
                 for p in s.get("ports", [])]
        check(f"{name}: port {port} published", any(f"{port}:{port}" in p for p in ports), ports)
        test = " ".join(map(str, (s.get("healthcheck") or {}).get("test", [])))
        check(f"{name}: health check on readiness", f"127.0.0.1:{port}/actuator/health/readiness" in test, test)
        check(f"{name}: restart unless-stopped", s.get("restart") == "unless-stopped")
        depends = s.get("depends_on") or {}
        check(f"{name}: waits for healthy kafka, mongo and keycloak",
              isinstance(depends, dict) and all((depends.get(d) or {}).get("condition") == "service_healthy"
                                                for d in ("kafka", "mongo", "keycloak")), depends)
        check(f"{name}: waits for kafka-init (topics and ACLs) to complete",
              isinstance(depends, dict)
              and (depends.get("kafka-init") or {}).get("condition") == "service_completed_successfully", depends)
        env = s.get("environment") or {}
        needed = {"HUIYIN_MESSAGING_BOOTSTRAP_SERVERS", "HUIYIN_MONGODB_URI", "HUIYIN_OUTBOX_REPLICATION_FACTOR",
                  "HUIYIN_OUTBOX_PARTITIONS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                  "SPRING_APPLICATION_JSON"}
        if name == "intake":
            needed |= {"HUIYIN_INTAKE_WORKER_REF_KEY", "HUIYIN_INTAKE_QUERY_CODE_KEY",
                       "HUIYIN_SECURITY_FIELD_ENCRYPTION_KEY"}
        check(f"{name}: environment complete", needed <= set(env), sorted(needed - set(env)))
        check(f"{name}: runs with the production profile", env.get("SPRING_PROFILES_ACTIVE") == "production",
              env.get("SPRING_PROFILES_ACTIVE"))
        check(f"{name}: Kafka at kafka:9092", env.get("HUIYIN_MESSAGING_BOOTSTRAP_SERVERS") == "kafka:9092")
        client = json.loads(env.get("SPRING_APPLICATION_JSON", "{}")).get("huiyin", {}).get("messaging", {}).get("client", {})
        check(f"{name}: SPRING_APPLICATION_JSON is JSON with SASL/SCRAM-SHA-256 client settings for its own user {name}",
              client.get("security.protocol") == "SASL_PLAINTEXT" and client.get("sasl.mechanism") == "SCRAM-SHA-256"
              and f'username="{name}"' in client.get("sasl.jaas.config", ""), client)
        uri = urllib.parse.urlsplit(env.get("HUIYIN_MONGODB_URI", ""))
        query = urllib.parse.parse_qs(uri.query)
        check(f"{name}: MongoDB URI user huiyin at mongo:27017, replicaSet=rs0, authSource=admin",
              uri.scheme == "mongodb" and uri.username == "huiyin" and uri.hostname == "mongo" and uri.port == 27017
              and query.get("replicaSet") == ["rs0"] and query.get("authSource") == ["admin"])
        check(f"{name}: MongoDB acknowledges writes once journaled on a majority and reads only those "
              "(w=majority, journal=true, readConcernLevel=majority)",
              query.get("w") == ["majority"] and query.get("journal") == ["true"]
              and query.get("readConcernLevel") == ["majority"], uri.query)
        check(f"{name}: JWT issuer is Keycloak's realm huiyin as KC_HOSTNAME makes it",
              env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") == kc_hostname.rstrip("/") + "/realms/huiyin",
              env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
        if name == "intake":
            key = env.get("HUIYIN_SECURITY_FIELD_ENCRYPTION_KEY", "")
            try:
                decoded = base64.b64decode(key, validate=True)
            except ValueError:
                decoded = b""
            check("intake: example field encryption key is base64 of 32 bytes", len(decoded) == 32)
            check("intake: worker reference key has at least 16 characters",
                  len(env.get("HUIYIN_INTAKE_WORKER_REF_KEY", "")) >= 16)

    init = rs.get("kafka-init", {})
    check("kafka-init: runs init-acls.sh with acls.txt once kafka is healthy",
          "init-acls.sh" in " ".join(map(str, init.get("command") or []))
          and ((init.get("depends_on") or {}).get("kafka") or {}).get("condition") == "service_healthy"
          and any("acls.txt" in str(v) for v in init.get("volumes", [])))
    acls = {}
    for line in open("deploy/compose/kafka/acls.txt", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            service_name, writes, reads = line.split()
            acls[service_name] = (writes, reads.split(","))
    check("acls.txt: one principal per service", set(acls) == set(SERVICES), sorted(acls))
    for name in SERVICES:
        writes, reads = acls.get(name, ("", []))
        check(f"acls.txt: {name} writes only its own topics", writes == "huiyin." + name.replace("-", "") + ".", writes)
        yml = open(f"services/{name}/src/main/resources/{name}.yml", encoding="utf-8").read()
        consumed = re.findall(r"destination:\s*(\S+)", yml)
        check(f"acls.txt: {name} may read every topic it consumes", set(consumed) <= set(reads),
              sorted(set(consumed) - set(reads)))

    kafka = rs.get("kafka", {})
    check("kafka: image apache/kafka:4.1.2", kafka.get("image") == "apache/kafka:4.1.2", kafka.get("image"))
    check("kafka: health check, restart policy, persistent volume",
          bool(kafka.get("healthcheck")) and kafka.get("restart") == "unless-stopped"
          and any(str(v.get("target") if isinstance(v, dict) else v).find("/var/lib/kafka/data") >= 0
                  for v in kafka.get("volumes", [])))
    mongo = rs.get("mongo", {})
    command = " ".join(map(str, mongo.get("command") or []))
    check("mongo: image mongo:8.0, replica set rs0 with a key file",
          mongo.get("image") == "mongo:8.0" and "--replSet rs0" in command and "--keyFile" in command, command)
    check("mongo: health check, restart policy, persistent volumes",
          bool(mongo.get("healthcheck")) and mongo.get("restart") == "unless-stopped"
          and any("/data/db" in str(v) for v in mongo.get("volumes", [])))
    keycloak = rs.get("keycloak", {})
    kc_command = " ".join(map(str, keycloak.get("command") or []))
    check("keycloak: quay.io/keycloak/keycloak:26.x, start-dev --import-realm",
          re.fullmatch(r"quay\.io/keycloak/keycloak:26(\.\d+)*", keycloak.get("image", "")) is not None
          and "start-dev" in kc_command and "--import-realm" in kc_command, keycloak.get("image"))
    for name, service in rs.items():
        for volume in service.get("volumes", []):
            source = volume.get("source") if isinstance(volume, dict) else str(volume).split(":")[0]
            kind = volume.get("type") if isinstance(volume, dict) else ("bind" if source.startswith("/") else "volume")
            if kind == "bind":
                check(f"{name}: bind-mounted {os.path.relpath(source, ROOT)} exists", os.path.exists(source))

    for key, value in example.items():
        if value.startswith("DEMO"):
            check(f"{ENV_EXAMPLE}: {key} is marked as a demo value", value.startswith(("DEMO-ONLY-", "DEMOONLY")))
        if key.endswith("PASSWORD") or key.endswith("SECRET"):
            check(f"{ENV_EXAMPLE}: {key} uses the documented password characters",
                  re.fullmatch(r"[A-Za-z0-9._-]{16,}", value) is not None)


# --- Prometheus and Grafana (deploy/compose/prometheus, deploy/compose/grafana) ---------------------------------------
def monitoring_checks():
    rendered = yaml.safe_load(open(RENDERED_COMPOSE, encoding="utf-8")) or {}
    rs = rendered.get("services", {})
    check("compose defines prometheus and grafana with pinned images",
          re.fullmatch(r"prom/prometheus:v\d+\.\d+\.\d+", rs.get("prometheus", {}).get("image", "")) is not None
          and re.fullmatch(r"grafana/grafana:\d+\.\d+\.\d+", rs.get("grafana", {}).get("image", "")) is not None,
          [rs.get(n, {}).get("image") for n in ("prometheus", "grafana")])
    config = yaml.safe_load(open("deploy/compose/prometheus/prometheus.yml", encoding="utf-8"))
    jobs = {job["job_name"]: job for job in config.get("scrape_configs", [])}
    job = jobs.get("huiyin", {})
    targets = {t for sc in job.get("static_configs", []) for t in sc.get("targets", [])}
    check("prometheus scrapes /actuator/prometheus of every service",
          job.get("metrics_path") == "/actuator/prometheus"
          and targets >= {f"{name}:{port}" for name, port in SERVICES.items()}, sorted(targets))
    check("prometheus authenticates with the huiyin-services client credentials",
          (job.get("oauth2") or {}).get("client_id") == "huiyin-services")
    datasources = yaml.safe_load(open("deploy/compose/grafana/provisioning/datasources/prometheus.yml", encoding="utf-8"))
    uids = {d.get("uid") for d in datasources.get("datasources", [])}
    for path in sorted(glob.glob("deploy/compose/grafana/dashboards/*.json")):
        dashboard = json.load(open(path, encoding="utf-8"))
        panels = [p for p in dashboard.get("panels", []) if p.get("type") != "row"]
        check(f"{path}: parses, {len(panels)} panels, every query on a provisioned data source",
              panels and all(t.get("datasource", {}).get("uid") in uids and t.get("expr")
                             for p in panels for t in p.get("targets", [])))


# --- Dockerfile and .dockerignore -------------------------------------------------------------------------------------
KNOWN_INSTRUCTIONS = {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
                      "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}


def dockerfile_instructions(path):
    instructions, current = [], ""
    for line in open(path, encoding="utf-8"):
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        keyword, _, rest = current.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        current = ""
    if current:
        instructions.append(("<unterminated>", current))
    return instructions


def dockerignore_patterns():
    patterns = []
    for line in open(".dockerignore", encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exclude = not line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
        regex = ""
        i = 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                regex += "(?:.*/)?"
                i += 3
            elif pattern.startswith("**", i):
                regex += ".*"
                i += 2
            elif pattern[i] == "*":
                regex += "[^/]*"
                i += 1
            elif pattern[i] == "?":
                regex += "[^/]"
                i += 1
            else:
                regex += re.escape(pattern[i])
                i += 1
        patterns.append((re.compile(regex + "$"), exclude))
    return patterns


def ignored(path, patterns):
    """Docker semantics: a pattern matching a parent directory excludes everything below it; last match wins."""
    parts = path.split("/")
    result = False
    for regex, exclude in patterns:
        if any(regex.match("/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            result = exclude
    return result


def modules(pom_dir):
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    tree = ET.parse(os.path.join(pom_dir, "pom.xml"))
    found = [pom_dir]
    for module in tree.getroot().findall("m:modules/m:module", ns):
        found += modules(os.path.normpath(os.path.join(pom_dir, module.text.strip())))
    return found


def docker_checks():
    path = "deploy/docker/Dockerfile"
    instructions = dockerfile_instructions(path)
    unknown = [k for k, _ in instructions if k not in KNOWN_INSTRUCTIONS]
    check("Dockerfile: only known instructions, no unterminated continuation", not unknown, unknown)
    stages, stage = {}, None
    for keyword, rest in instructions:
        if keyword == "FROM":
            m = re.match(r"(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?", rest, re.I)
            stage = (m.group(2) or str(len(stages))).lower()
            stages[stage] = {"image": m.group(1), "items": []}
        elif stage:
            stages[stage]["items"].append((keyword, rest))
    check("Dockerfile: stages build and runtime", list(stages) == ["build", "runtime"], list(stages))
    build, runtime = stages.get("build", {"items": []})["items"], stages.get("runtime", {"items": []})["items"]
    top_args = {rest.split("=")[0] for k, rest in instructions[:2] if k == "ARG"}
    check("Dockerfile: build stage from eclipse-temurin:17-jdk (or maven:3.9-eclipse-temurin-17)",
          stages.get("build", {}).get("image") in ("${JDK_IMAGE}", "eclipse-temurin:17-jdk", "maven:3.9-eclipse-temurin-17")
          and ("JDK_IMAGE" not in stages["build"]["image"] or "JDK_IMAGE" in top_args))
    check("Dockerfile: runtime stage from eclipse-temurin:17-jre",
          stages.get("runtime", {}).get("image") in ("${JRE_IMAGE}", "eclipse-temurin:17-jre"))
    text = open(path, encoding="utf-8").read()
    check("Dockerfile: default base images are Temurin 17",
          "ARG JDK_IMAGE=eclipse-temurin:17-jdk" in text and "ARG JRE_IMAGE=eclipse-temurin:17-jre" in text)
    check("Dockerfile: ARG SERVICE in both stages",
          ("ARG", "SERVICE") in build and ("ARG", "SERVICE") in runtime)
    check("Dockerfile: ARG PORT in the runtime stage", ("ARG", "PORT") in runtime)
    runs = " ".join(rest for k, rest in build if k == "RUN")
    check("Dockerfile: runs the Maven build of one service with its modules",
          "./mvnw -q -B -DskipTests -pl \"services/${SERVICE}\" -am package" in runs)
    check("Dockerfile: Maven cache mount on /root/.m2", "--mount=type=cache,target=/root/.m2" in runs)
    check("Dockerfile: copies the exec jar", "-exec.jar" in runs and any(
        k == "COPY" and "--from=build" in rest and "/app/app.jar" in rest for k, rest in runtime))
    users = [rest for k, rest in runtime if k == "USER"]
    check("Dockerfile: runtime runs as a non-root user",
          bool(users) and users[-1].split(":")[0] not in ("0", "root"), users)
    health = [rest for k, rest in runtime if k == "HEALTHCHECK"]
    check("Dockerfile: HEALTHCHECK on readiness with curl (installed if missing)",
          bool(health) and "/actuator/health/readiness" in health[-1] and "curl" in health[-1]
          and "command -v curl" in text)
    check("Dockerfile: JAVA_TOOL_OPTIONS with MaxRAMPercentage",
          any(k == "ENV" and "JAVA_TOOL_OPTIONS" in rest and "MaxRAMPercentage" in rest for k, rest in runtime))
    check("Dockerfile: EXPOSE the service port", ("EXPOSE", "${PORT}") in runtime)
    check("Dockerfile: ENTRYPOINT java -jar /app/app.jar (exec form)",
          runtime and [r for k, r in runtime if k == "ENTRYPOINT"][-1:] == ['["java", "-jar", "/app/app.jar"]'])
    case = re.search(r"case \"\$\{SERVICE:-\}\" in\s+(\S+)\)", runs)
    listed = set(re.findall(r"[a-z-]+", case.group(1))) if case else set()
    check("Dockerfile: accepts exactly the five services", listed == set(SERVICES), sorted(listed))
    for name, port in SERVICES.items():
        check(f"Dockerfile: pairs {name} with port {port}", f"{name}:{port}" in text)
        yml = open(f"services/{name}/src/main/resources/{name}.yml", encoding="utf-8").read()
        check(f"services/{name}/src/main/resources/{name}.yml: server.port {port}",
              re.search(rf"^server:\s*\n\s+port:\s*{port}\b", yml, re.M) is not None)

    patterns = dockerignore_patterns()
    for path_ in (".git", "data", "services/intake/target", ".env", "deploy/compose/.env"):
        check(f".dockerignore excludes {path_}", ignored(path_, patterns))
    needed = ["mvnw", ".mvn/wrapper/maven-wrapper.properties"]
    for module in modules("."):
        needed.append(os.path.normpath(os.path.join(module, "pom.xml")))
        if os.path.isdir(os.path.join(module, "src")):
            needed.append(os.path.normpath(os.path.join(module, "src")))
    problems = [p for p in needed if not os.path.exists(p) or ignored(p, patterns)]
    check(f"build context: {len(needed)} files/dirs of the Maven reactor present and not .dockerignored",
          not problems, problems)
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    for name in SERVICES:
        artifact = ET.parse(f"services/{name}/pom.xml").getroot().find("m:artifactId", ns).text
        check(f"services/{name}/pom.xml: artifactId {name} (jar {name}-*-exec.jar)", artifact == name, artifact)
    parent = open("services/pom.xml", encoding="utf-8").read()
    check("services/pom.xml: repackages with classifier exec", "<classifier>exec</classifier>" in parent)


# --- Keycloak realm ---------------------------------------------------------------------------------------------------
def realm_checks():
    realm = json.load(open("deploy/keycloak/huiyin-realm.json", encoding="utf-8"))
    check("realm: name huiyin, enabled", realm.get("realm") == "huiyin" and realm.get("enabled") is True)
    names = [r["name"] for r in realm.get("roles", {}).get("realm", [])]
    check("realm: exactly the ten Huiyin realm roles", sorted(names) == sorted(ROLES), names)
    check("realm: access tokens live 15 minutes", realm.get("accessTokenLifespan") == 900)
    clients = {c["clientId"]: c for c in realm.get("clients", [])}
    cli, services = clients.get("huiyin-cli", {}), clients.get("huiyin-services", {})
    check("realm: huiyin-cli is public, without the password grant, with the device authorization grant",
          cli.get("publicClient") is True and cli.get("directAccessGrantsEnabled") is False
          and cli.get("attributes", {}).get("oauth2.device.authorization.grant.enabled") == "true")
    check("realm: no client allows the password grant",
          not any(c.get("directAccessGrantsEnabled") for c in clients.values()))
    check("realm: huiyin-services is confidential with a service account and no literal secret",
          services.get("publicClient") is False and services.get("serviceAccountsEnabled") is True
          and re.fullmatch(r"\$\{[A-Z0-9_]+\}", services.get("secret", "")) is not None)
    for client_id in ("huiyin-cli", "huiyin-services"):
        claims = {m.get("config", {}).get("claim.name") for m in clients.get(client_id, {}).get("protocolMappers", [])}
        audiences = {m.get("config", {}).get("included.custom.audience")
                     for m in clients.get(client_id, {}).get("protocolMappers", [])}
        wanted = {"roles", "org", "jurisdiction"} if client_id == "huiyin-cli" else {"roles"}
        check(f"realm: {client_id} maps claims {sorted(wanted)} and audience huiyin",
              wanted <= claims and "huiyin" in audiences, sorted(c for c in claims if c))
    role_mapper = [m for m in cli.get("protocolMappers", []) if m.get("config", {}).get("claim.name") == "roles"]
    check("realm: roles claim is a top-level array of realm roles",
          bool(role_mapper) and role_mapper[0]["protocolMapper"] == "oidc-usermodel-realm-role-mapper"
          and role_mapper[0]["config"].get("multivalued") == "true")
    profile = json.loads(realm["components"]["org.keycloak.userprofile.UserProfileProvider"][0]["config"]
                         ["kc.user.profile.config"][0])
    declared = {a["name"]: a for a in profile["attributes"]}
    check("realm: user profile declares org and jurisdiction, editable by administrators only",
          all(declared.get(a, {}).get("permissions", {}).get("edit") == ["admin"] for a in ("org", "jurisdiction")))
    check("realm: no users are imported (administrators create them)", realm.get("users", []) == [],
          [u.get("username") for u in realm.get("users", [])])


# --- Kubernetes manifests ---------------------------------------------------------------------------------------------
def k8s_checks():
    documents = []
    for directory, _, files in os.walk("deploy/k8s"):
        for file in sorted(files):
            if file.endswith((".yaml", ".yml")):
                path = os.path.join(directory, file)
                try:
                    docs = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d is not None]
                    check(f"{path} parses ({len(docs)} documents)", bool(docs))
                    documents += [(path, d) for d in docs]
                except yaml.YAMLError as e:
                    check(f"{path} parses", False, str(e).replace("\n", " "))
    kustomization = next((d for p, d in documents if p.endswith("kustomization.yaml")), {})
    for resource in kustomization.get("resources", []):
        check(f"kustomization resource {resource} exists", os.path.exists(os.path.join("deploy/k8s", resource)))
    for generator in kustomization.get("configMapGenerator", []):
        if generator.get("name") != "huiyin-config":
            continue
        for env_file in generator.get("envs", []):
            values = read_env_file(os.path.join("deploy/k8s", env_file))
            wanted = {"HUIYIN_MESSAGING_BOOTSTRAP_SERVERS", "SPRING_APPLICATION_JSON",
                      "HUIYIN_OUTBOX_REPLICATION_FACTOR", "HUIYIN_OUTBOX_PARTITIONS",
                      "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"}
            check(f"deploy/k8s/{env_file}: has the services' settings", wanted <= set(values), sorted(wanted - set(values)))
            client = json.loads(values.get("SPRING_APPLICATION_JSON", "{}"))["huiyin"]["messaging"]["client"]
            check(f"deploy/k8s/{env_file}: Kafka user and password only as placeholders (one user per service)",
                  'username="${HUIYIN_KAFKA_USERNAME}" password="${HUIYIN_KAFKA_PASSWORD}"'
                  in client.get("sasl.jaas.config", ""))
            check(f"deploy/k8s/{env_file}: production profile", values.get("SPRING_PROFILES_ACTIVE") == "production")
    objects = [d for _, d in documents if isinstance(d, dict) and "kind" in d and d.get("kind") != "Kustomization"]
    for obj in objects:
        check(f"{obj.get('kind')}/{obj.get('metadata', {}).get('name')}: apiVersion, kind, metadata.name",
              bool(obj.get("apiVersion")) and bool(obj.get("metadata", {}).get("name")))
    deployments = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Deployment"}
    k8s_services = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Service"}
    check("k8s: a Deployment and a Service per service and the console",
          set(deployments) == set(SERVICES) | {"console"} and set(k8s_services) == set(SERVICES) | {"console"},
          sorted(deployments))
    console_checks(deployments.get("console", {}), k8s_services.get("console", {}),
                   [o for o in objects if o["kind"] == "Ingress"], kustomization)
    for name, port in SERVICES.items():
        spec = deployments.get(name, {}).get("spec", {}).get("template", {}).get("spec", {})
        container = (spec.get("containers") or [{}])[0]
        check(f"k8s {name}: containerPort {port}",
              [p.get("containerPort") for p in container.get("ports", [])] == [port])
        check(f"k8s {name}: liveness and readiness probes on the actuator groups",
              container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/actuator/health/liveness"
              and container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/actuator/health/readiness")
        check(f"k8s {name}: resources and terminationGracePeriodSeconds",
              bool(container.get("resources", {}).get("requests")) and bool(container.get("resources", {}).get("limits"))
              and spec.get("terminationGracePeriodSeconds", 0) >= 40)
        check(f"k8s {name}: settings from ConfigMap huiyin-config",
              any(e.get("configMapRef", {}).get("name") == "huiyin-config" for e in container.get("envFrom", [])))
        env = container.get("env", [])
        literal_secrets = [e["name"] for e in env if SECRET_NAME.search(e["name"]) and "value" in e]
        check(f"k8s {name}: secrets only from Secret references", not literal_secrets, literal_secrets)
        names = {e["name"] for e in env}
        wanted = {"HUIYIN_MONGODB_URI", "HUIYIN_KAFKA_PASSWORD"}
        if name == "intake":
            wanted |= {"HUIYIN_INTAKE_WORKER_REF_KEY", "HUIYIN_INTAKE_QUERY_CODE_KEY", "HUIYIN_SECURITY_FIELD_ENCRYPTION_KEY"}
        check(f"k8s {name}: env {sorted(wanted)} from Secrets", wanted <= names, sorted(wanted - names))
        check(f"k8s {name}: its own Kafka user {name}",
              any(e["name"] == "HUIYIN_KAFKA_USERNAME" and e.get("value") == name for e in env))
        ports = k8s_services.get(name, {}).get("spec", {}).get("ports", [])
        check(f"k8s {name}: Service port {port} to the container's http port",
              [(p.get("port"), p.get("targetPort")) for p in ports] == [(port, "http")])
    if os.path.getsize(RENDERED_K8S):
        rendered = [d for d in yaml.safe_load_all(open(RENDERED_K8S, encoding="utf-8")) if d]
        kinds = sorted({d["kind"] for d in rendered})
        check("kustomize output: Namespace, ConfigMap, Deployments, Services, PodDisruptionBudgets",
              {"Namespace", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget"} <= set(kinds), kinds)
        config_maps = [d["metadata"]["name"] for d in rendered if d["kind"] == "ConfigMap"]
        refs = {e["configMapRef"]["name"] for d in rendered if d["kind"] == "Deployment"
                for c in d["spec"]["template"]["spec"]["containers"] for e in c.get("envFrom", [])}
        check("kustomize output: Deployments reference the generated ConfigMap", refs and refs <= set(config_maps), refs)


def console_checks(deployment, service, ingresses, kustomization):
    spec = deployment.get("spec", {}).get("template", {}).get("spec", {})
    container = (spec.get("containers") or [{}])[0]
    check("k8s console: containerPort 8080 and Service port 8080",
          [p.get("containerPort") for p in container.get("ports", [])] == [8080]
          and [(p.get("port"), p.get("targetPort")) for p in service.get("spec", {}).get("ports", [])] == [(8080, "http")])
    check("k8s console: liveness and readiness probes, resources, terminationGracePeriodSeconds",
          container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/actuator/health/liveness"
          and container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/actuator/health/readiness"
          and bool(container.get("resources", {}).get("limits")) and spec.get("terminationGracePeriodSeconds", 0) >= 40)
    check("k8s console: no database, Kafka or secret in its environment",
          not container.get("env") and [e.get("configMapRef", {}).get("name") for e in container.get("envFrom", [])]
          == ["huiyin-console-config"])
    generators = {g.get("name"): g.get("envs", []) for g in kustomization.get("configMapGenerator", [])}
    values = {}
    for env_file in generators.get("huiyin-console-config", []):
        values.update(read_env_file(os.path.join("deploy/k8s", env_file)))
    wanted = {"HUIYIN_CONSOLE_ISSUER", "HUIYIN_CONSOLE_AUTHORIZATIONURI", "HUIYIN_CONSOLE_TOKENURI",
              "HUIYIN_CONSOLE_JWKSETURI", "HUIYIN_CONSOLE_ENDSESSIONURI", "HUIYIN_CONSOLE_PUBLICURL",
              "HUIYIN_CONSOLE_SERVICES_INTAKE", "HUIYIN_CONSOLE_SERVICES_TRIAGE", "HUIYIN_CONSOLE_SERVICES_JOINTMEETING",
              "HUIYIN_CONSOLE_SERVICES_FOLLOWUP", "HUIYIN_CONSOLE_SERVICES_DASHBOARD",
              "HUIYIN_CONSOLE_SERVICES_NOTIFICATIONS", "SERVER_FORWARDHEADERSSTRATEGY"}
    check("k8s console: ConfigMap huiyin-console-config has the provider, the public URL and every service",
          wanted <= set(values), sorted(wanted - set(values)))
    check("k8s console: no secret-like key in its ConfigMap", not [k for k in values if SECRET_NAME.search(k)])
    backends = [p.get("backend", {}).get("service", {}).get("name") for i in ingresses
                for r in i.get("spec", {}).get("rules", []) for p in r.get("http", {}).get("paths", [])]
    check("k8s console: an Ingress with TLS and session affinity leads to the console",
          backends == ["console"] and all(i.get("spec", {}).get("tls") for i in ingresses)
          and all("affinity" in " ".join(i.get("metadata", {}).get("annotations", {})) for i in ingresses), backends)


section("docker-compose", compose_checks)
section("monitoring", monitoring_checks)
section("Dockerfile", docker_checks)
section("realm", realm_checks)
section("k8s", k8s_checks)
print("END")
PY

python_done=
while IFS= read -r line; do
  case $line in
    "PASS "*) pass "${line#PASS }" ;;
    "FAIL "*) fail "${line#FAIL }" ;;
    END) python_done=1 ;;
    *) echo "        $line" ;;
  esac
done < <("$PY" "$work/checks.py" "$ROOT" "$work/compose.rendered.yml" "$work/k8s.rendered.yml" "$ENV_EXAMPLE" 2>&1)
if [ -z "$python_done" ]; then
  fail "content checks did not run to the end (python error above)"
fi

echo
echo "validate-deployment: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
