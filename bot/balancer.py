"""nginx in front of the Rasa and action replicas: its configuration, and how the stack starts it.

nginx comes from Debian (`make setup` installs it when missing) and runs as a child of the stack in
the foreground, with its own configuration, pid file and temporary files under var/balancer/: no
system service, no privileged port. Its check that at least one Rasa replica answers is Rasa's `/`.
"""

from __future__ import annotations

import os
import pwd
import shutil
from collections.abc import Sequence
from pathlib import Path
from string import Template

from bot.dialogue_tier import DialogueTierError
from bot.stack import ROOT, ServiceSpec, StackConfig

TEMPLATE = ROOT / "bot" / "nginx.conf.template"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
MAX_FAILS, FAIL_TIMEOUT_SECONDS = 1, 5


def nginx_binary() -> str:
    for candidate in NGINX_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise DialogueTierError("nginx is not installed: `make setup` installs it (apt-get install -y nginx)")


def _servers(ports: Sequence[int]) -> str:
    return "\n".join(
        f"        server 127.0.0.1:{port} max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT_SECONDS}s;"
        for port in ports
    )


def user_line() -> str:
    """nginx started by root hands its worker to `nobody`, who cannot read a private var/; the worker
    then runs as whoever runs the stack (an ordinary user in production, where this line is empty)."""
    return f"user {pwd.getpwuid(0).pw_name};" if os.geteuid() == 0 else ""


def render_config(config: StackConfig, rasa_ports: Sequence[int], action_ports: Sequence[int]) -> str:
    return Template(TEMPLATE.read_text()).substitute(
        var_dir=config.var_dir,
        user_line=user_line(),
        log_dir=config.var_dir / "log",
        rasa_port=config.rasa_port,
        actions_port=config.actions_port,
        rasa_servers=_servers(rasa_ports),
        action_servers=_servers(action_ports),
    )


def write_config(config: StackConfig, rasa_ports: Sequence[int], action_ports: Sequence[int]) -> Path:
    directory = config.var_dir / "balancer"
    for temporary in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "tmp" / temporary).mkdir(parents=True, exist_ok=True)
    (config.var_dir / "log").mkdir(parents=True, exist_ok=True)
    path = directory / "nginx.conf"
    path.write_text(render_config(config, rasa_ports, action_ports))
    return path


def balancer_spec(config: StackConfig, rasa_ports: Sequence[int], action_ports: Sequence[int]) -> ServiceSpec:
    conf = write_config(config, rasa_ports, action_ports)
    return ServiceSpec(
        name="balancer",
        # -p: paths relative to var/balancer; -e: nginx opens its default error log before reading
        # the configuration, and that one (/var/log/nginx) is not writable by an ordinary user.
        argv=[
            nginx_binary(),
            "-p",
            str(conf.parent),
            "-c",
            str(conf),
            "-e",
            str(config.var_dir / "log" / "balancer-error.log"),
        ],
        health_url=f"{config.rasa_url}/",
        listen_url=config.rasa_url,
    )
