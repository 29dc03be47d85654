"""Deployment files checked in CI: Kubernetes manifests against the API schemas, the compose file,
Prometheus and Grafana provisioning, the Dockerfile and its entry point.

No Docker engine or cluster is needed: schemas ship with kubernetes-validate, `kubectl kustomize`
renders the overlays when kubectl is installed, `docker compose config` runs when the plugin is.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from django.conf import settings
from yamllint import linter
from yamllint.config import YamlLintConfig

ROOT = Path(settings.BASE_DIR)
K8S = ROOT / "k8s"
K8S_VERSION = "1.33.0"  # validated against this API version's schemas (bundled, offline)
YAMLLINT = YamlLintConfig(
    "{extends: default, rules: {line-length: {max: 140}, document-start: disable, truthy: {check-keys: false}}}"
)


def _manifest_files() -> list[Path]:
    return sorted(p for p in K8S.rglob("*.yaml") if p.name != "kustomization.yaml")


def _documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _validate(document: dict) -> None:
    kubernetes_validate.validate(document, K8S_VERSION, strict=True)


# --- Kubernetes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", _manifest_files(), ids=lambda p: str(p.relative_to(K8S)))
def test_every_kubernetes_manifest_is_valid_against_the_api_schema(path):
    documents = _documents(path)

    assert documents
    for document in documents:
        _validate(document)


@pytest.mark.parametrize("path", sorted(K8S.rglob("*.yaml")), ids=lambda p: str(p.relative_to(K8S)))
def test_every_kubernetes_file_passes_yamllint(path):
    problems = list(linter.run(path.read_text(), YAMLLINT, str(path)))

    assert [str(p) for p in problems] == []


def test_a_manifest_with_a_typo_is_rejected_by_the_validation():
    deployment = _documents(K8S / "base" / "web.yaml")[0]
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}

    with pytest.raises(kubernetes_validate.ValidationError):
        _validate(deployment)


def _base() -> dict[tuple[str, str], dict]:
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    objects = {}
    for resource in kustomization["resources"]:
        for document in _documents(K8S / "base" / resource):
            objects[(document["kind"], document["metadata"]["name"])] = document
    return objects


def _container(objects, name) -> dict:
    return objects[("Deployment", name)]["spec"]["template"]["spec"]["containers"][0]


def test_web_probes_use_the_health_endpoints():
    web = _container(_base(), "sketchdojo-web")

    assert web["livenessProbe"]["httpGet"]["path"] == "/health/liveness"
    assert web["readinessProbe"]["httpGet"]["path"] == "/health/readiness"
    assert web["args"] == ["web"]


def test_workers_beat_and_migration_run_their_roles():
    objects = _base()
    beat = objects[("Deployment", "sketchdojo-beat")]

    assert _container(objects, "sketchdojo-worker")["args"] == ["worker"]
    assert (beat["spec"]["replicas"], beat["spec"]["strategy"]["type"]) == (1, "Recreate")
    assert _container(objects, "sketchdojo-beat")["args"] == ["beat"]
    assert objects[("Job", "sketchdojo-migrate")]["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate"]


def test_the_worker_grace_period_outlasts_the_task_time_limit():
    worker = _base()[("Deployment", "sketchdojo-worker")]["spec"]["template"]["spec"]

    assert worker["terminationGracePeriodSeconds"] > settings.CELERY_TASK_TIME_LIMIT


def test_every_pod_runs_as_the_images_non_root_user():
    for (kind, name), obj in _base().items():
        if kind in ("Deployment", "Job"):
            pod = obj["spec"]["template"]["spec"]
            assert (pod["securityContext"]["runAsNonRoot"], pod["securityContext"]["runAsUser"]) == (True, 10001), name


def test_autoscalers_budgets_services_and_ingress_point_at_what_exists():
    objects = _base()
    deployments = {name: obj for (kind, name), obj in objects.items() if kind == "Deployment"}
    labels = {name: obj["spec"]["template"]["metadata"]["labels"] for name, obj in deployments.items()}

    hpa_targets = {
        obj["spec"]["scaleTargetRef"]["name"] for (k, _), obj in objects.items() if k == "HorizontalPodAutoscaler"
    }
    assert hpa_targets == {"sketchdojo-web", "sketchdojo-worker"}
    for (kind, name), obj in objects.items():
        if kind == "PodDisruptionBudget":
            assert obj["spec"]["selector"]["matchLabels"] == labels[name]
    service = objects[("Service", "sketchdojo-web")]
    assert service["spec"]["selector"] == labels["sketchdojo-web"]
    backend = objects[("Ingress", "sketchdojo")]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert (backend["name"], backend["port"]["name"]) == ("sketchdojo-web", service["spec"]["ports"][0]["name"])


def test_the_ingress_keeps_websockets_open():
    annotations = _base()[("Ingress", "sketchdojo")]["metadata"]["annotations"]

    assert annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"] == "3600"
    assert annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"] == "3600"


def test_the_secret_template_holds_no_real_secret():
    secret = _documents(K8S / "base" / "secret.example.yaml")[0]
    example_env = (K8S / "overlays" / "production" / "secrets.env.example").read_text()

    assert all(value == "" or "<" in value for value in secret["stringData"].values())  # blanks and <placeholders>
    assert re.findall(r"^SECRET_KEY=(.*)$", example_env, flags=re.M) == [""]
    assert "secret.example.yaml" not in yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())["resources"]


def _kustomize(path: Path) -> list[dict]:
    completed = subprocess.run(["kubectl", "kustomize", str(path)], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return [doc for doc in yaml.safe_load_all(completed.stdout) if doc]


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed: overlays not rendered")
def test_the_production_overlay_renders_and_every_object_is_valid(tmp_path):
    copy = tmp_path / "k8s"
    shutil.copytree(K8S, copy)
    overlay = copy / "overlays" / "production"
    shutil.copy(overlay / "secrets.env.example", overlay / "secrets.env")

    objects = _kustomize(overlay)
    for document in objects:
        _validate(document)

    kinds = sorted(
        f"{d['kind']}/{d['metadata']['name'].rsplit('-', 1)[0] if d['kind'] == 'Secret' else d['kind']}"
        for d in objects
    )
    assert len(objects) == 13, kinds
    secret = next(d for d in objects if d["kind"] == "Secret")
    web = next(d for d in objects if d["kind"] == "Deployment" and d["metadata"]["name"] == "sketchdojo-web")
    container = web["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == "registry.example.com/sketchdojo:1.0.0"
    assert {ref["secretRef"]["name"] for ref in container["envFrom"] if "secretRef" in ref} == {
        secret["metadata"]["name"]
    }
    assert all(d["metadata"].get("namespace") == "sketchdojo" for d in objects if d["kind"] != "Namespace")


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed: dependencies not rendered")
def test_the_optional_mysql_and_redis_render_and_are_valid():
    objects = _kustomize(K8S / "dependencies")

    assert sorted((d["kind"], d["metadata"]["name"]) for d in objects) == [
        ("Service", "mysql"),
        ("Service", "redis"),
        ("StatefulSet", "mysql"),
        ("StatefulSet", "redis"),
    ]
    for document in objects:
        _validate(document)


# --- docker compose --------------------------------------------------------------------------------

COMPOSE = ROOT / "docker-compose.yml"


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_the_compose_file_passes_yamllint():
    assert [str(p) for p in linter.run(COMPOSE.read_text(), YAMLLINT, str(COMPOSE))] == []


def _check_compose_schema(path: Path) -> subprocess.CompletedProcess:
    """The official Compose Specification schema, vendored in check-jsonschema (no network)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_compose_file_is_valid_against_the_compose_specification():
    completed = _check_compose_schema(COMPOSE)

    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_the_compose_specification_check_rejects_a_misspelt_key(tmp_path):
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("    depends_on:\n      mysql:", "    depends_onn:\n      mysql:", 1))

    assert _check_compose_schema(broken).returncode == 1


def test_compose_has_every_service_of_the_stack():
    assert set(_compose()["services"]) == {
        "migrate",
        "web",
        "worker",
        "beat",
        "mysql",
        "redis",
        "prometheus",
        "grafana",
        "flower",
    }


def test_flower_is_optional_local_only_and_behind_a_password():
    flower = _compose()["services"]["flower"]

    assert flower["profiles"] == ["monitoring"]
    assert flower["image"].startswith("mher/flower:2.")
    assert flower["ports"] == ["127.0.0.1:5555:5555"]
    assert flower["environment"]["FLOWER_BASIC_AUTH"].startswith("admin:${FLOWER_PASSWORD:?")
    assert "--broker=redis://redis:6379/0" in flower["command"]
    assert _compose()["x-app"]["environment"]["REDIS_URL"] == "redis://redis:6379/0"  # the workers' broker


def test_compose_env_adds_the_flower_password_to_an_older_file(tmp_path):
    env_file = tmp_path / ".env.compose"
    env_file.write_text("SECRET_KEY=kept\n")

    subprocess.run(["sh", str(ROOT / "deploy" / "compose-env.sh"), str(env_file)], check=True)

    lines = env_file.read_text().splitlines()
    assert lines[0] == "SECRET_KEY=kept"
    assert [line.split("=")[0] for line in lines] == ["SECRET_KEY", "FLOWER_PASSWORD"]
    assert len(lines[1]) > len("FLOWER_PASSWORD=") + 30


def test_the_app_services_start_after_migrations_and_healthy_databases():
    services = _compose()["services"]

    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"] == {
            "mysql": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }, name
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    assert services["migrate"]["depends_on"] == {"mysql": {"condition": "service_healthy"}}


def test_compose_services_have_healthchecks_and_data_volumes():
    compose = _compose()
    services = compose["services"]

    for name in ("web", "worker", "mysql", "redis", "prometheus", "grafana"):
        assert services[name]["healthcheck"]["test"], name
    assert "/health/readiness" in " ".join(services["web"]["healthcheck"]["test"])
    assert set(compose["volumes"]) == {"mysql-data", "redis-data", "media", "prometheus-data", "grafana-data"}
    assert "mysql-data:/var/lib/mysql" in services["mysql"]["volumes"]
    assert "--character-set-server=utf8mb4" in services["mysql"]["command"]
    assert services["mysql"]["image"].startswith("mysql:8")
    assert services["redis"]["image"].startswith("redis:7")


def test_prometheus_scrapes_the_web_and_the_worker_where_compose_serves_them():
    services = _compose()["services"]
    prometheus = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    targets = {job["job_name"]: job["static_configs"][0]["targets"] for job in prometheus["scrape_configs"]}

    assert targets["sketchdojo-web"] == ["web-metrics:8000"]
    assert targets["sketchdojo-worker"] == [f"worker:{services['worker']['environment']['WORKER_METRICS_PORT']}"]
    assert "web-metrics" in services["web"]["environment"]["ALLOWED_HOSTS"].split(",")


def test_compose_serves_the_web_metrics_only_on_an_internal_network():
    compose = _compose()
    web, prometheus = compose["services"]["web"], compose["services"]["prometheus"]
    metrics_network = compose["networks"]["metrics"]

    assert metrics_network["internal"] is True
    assert web["networks"]["metrics"] == {"aliases": ["web-metrics"]}
    assert "metrics" in prometheus["networks"]
    assert web["environment"]["METRICS_ALLOWED_NETWORKS"] == metrics_network["ipam"]["config"][0]["subnet"]


def test_grafana_provisioning_points_at_the_dashboard_and_the_datasource_it_uses():
    services = _compose()["services"]
    datasource = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/sketchdojo.yml").read_text())
    dashboard = json.loads((ROOT / "deploy/grafana/dashboards/sketchdojo.json").read_text())

    uids = {panel["datasource"]["uid"] for panel in dashboard["panels"]}
    assert uids == {datasource["datasources"][0]["uid"]}
    assert datasource["datasources"][0]["url"] == "http://prometheus:9090"
    mount = f"./deploy/grafana/dashboards:{provider['providers'][0]['options']['path']}:ro"
    assert mount in services["grafana"]["volumes"]


@pytest.mark.skipif(
    subprocess.run(["docker", "compose", "version"], capture_output=True).returncode != 0
    if shutil.which("docker")
    else True,
    reason="the docker compose plugin is not installed here (only the docker client)",
)
def test_docker_compose_config_accepts_the_file(tmp_path):
    env_file = tmp_path / "compose.env"
    env_file.write_text("SECRET_KEY=x\nMYSQL_PASSWORD=x\nMYSQL_ROOT_PASSWORD=x\n")

    completed = subprocess.run(
        ["docker", "compose", "--env-file", str(env_file), "-f", str(COMPOSE), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert completed.returncode == 0, completed.stderr


# --- Dockerfile and entry point --------------------------------------------------------------------

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instructions(stage_text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n\s*", " ", stage_text)
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
        for line in joined.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _final_stage() -> list[tuple[str, str]]:
    return _instructions(DOCKERFILE[DOCKERFILE.rindex("\nFROM ") :])


def test_the_dockerfile_builds_in_two_stages_and_runs_as_a_non_root_user():
    froms = [args for op, args in _instructions(DOCKERFILE) if op == "FROM"]
    users = [args for op, args in _final_stage() if op == "USER"]

    assert [f.split(" AS ")[-1] for f in froms] == ["builder", "runtime"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert "COPY --from=builder /opt/venv /opt/venv" in DOCKERFILE


def test_the_runtime_image_has_only_the_client_library_not_the_build_tools():
    runtime_runs = " ".join(args for op, args in _final_stage() if op == "RUN")

    assert "libmariadb3" in runtime_runs
    assert "libmariadb-dev" not in runtime_runs
    assert "build-essential" not in runtime_runs
    assert "collectstatic" in runtime_runs


def test_the_dockerfile_healthcheck_probes_liveness_and_the_entry_point_runs_the_body_limited_daphne():
    final = dict(_final_stage())
    entrypoint = (ROOT / "deploy" / "docker-entrypoint.sh").read_text()

    assert "/health/liveness" in final["HEALTHCHECK"]
    assert json.loads(final["ENTRYPOINT"]) == ["/app/deploy/docker-entrypoint.sh"]
    assert json.loads(final["CMD"]) == ["web"]
    assert "exec python -m sketchdojo.server --bind" in entrypoint  # Daphne, refusing big bodies early
    assert 'exec celery --app config worker --queues "${CELERY_QUEUES:-ai,images}"' in entrypoint
    assert "--max-tasks-per-child" in entrypoint


def test_the_entry_point_is_valid_shell_and_executable():
    path = ROOT / "deploy" / "docker-entrypoint.sh"

    assert subprocess.run(["sh", "-n", str(path)], capture_output=True).returncode == 0
    assert path.stat().st_mode & 0o111


def test_the_build_context_leaves_out_local_state_and_secrets():
    ignored = set((ROOT / ".dockerignore").read_text().split())

    assert {".git", ".venv", ".env", "db.sqlite3*", "media/"} <= ignored
