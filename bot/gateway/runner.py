"""Assembling and running the gateway: PTB Application, Rasa client, push endpoint, polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

import httpx
from telegram import Bot, Update
from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest

from bot.gateway.buttons import ButtonStore
from bot.gateway.commands import menu
from bot.gateway.delivery import Delivery
from bot.gateway.handlers import GatewayHandlers
from bot.gateway.http_server import EmbeddedHttpServer
from bot.gateway.push import create_push_app
from bot.gateway.relay import ChatRelay, RelayPolicy
from bot.gateway.settings import GatewaySettings, bot_token, gateway_secrets
from bot.gateway.store import GatewayStore
from bot.gateway.webhook import create_webhook_app, webhook_path
from bot.rasa_client import ChannelCredentials, RasaClient
from deployment.table import GATEWAY_CHANNEL_SECRET, PUSH_TOKEN, TELEGRAM_WEBHOOK_SECRET

logger = logging.getLogger(__name__)

# Updates of different chats run concurrently up to this many; ChatSequencer keeps each chat in order.
CONCURRENT_UPDATES = 64
RASA_TIMEOUT_SECONDS = 30.0
SHUTDOWN_GRACE_SECONDS = 10.0


def build_application(
    settings: GatewaySettings,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> Application:  # type: ignore[type-arg]
    """The PTB Application; tests pass requests whose httpx transport is a local fake."""
    builder: ApplicationBuilder = (  # type: ignore[type-arg]
        Application.builder()
        .token(bot_token(settings))
        .base_url(settings.telegram_api_base_url)
        .concurrent_updates(CONCURRENT_UPDATES)
    )
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    if settings.webhook_mode:
        builder = builder.updater(None)
    return builder.build()


async def set_command_menus(bot: Bot) -> None:
    """Register the command menu: English as the default, Vietnamese for Vietnamese clients."""
    await bot.set_my_commands(menu("en"))
    await bot.set_my_commands(menu("vi"), language_code="vi")


class Gateway:
    """Everything that runs in the gateway process; start() and stop() are the whole lifecycle."""

    def __init__(
        self,
        settings: GatewaySettings,
        *,
        policy: RelayPolicy | None = None,
        rasa_transport: httpx.AsyncBaseTransport | None = None,
        telegram_request: BaseRequest | None = None,
        telegram_updates_request: BaseRequest | None = None,
    ) -> None:
        self.settings = settings
        self.secrets = gateway_secrets(settings)
        self.policy = policy or RelayPolicy()
        self.store = GatewayStore.in_var_dir(settings.var_dir)  # first: fails before anything else opens
        self.application = build_application(
            settings, request=telegram_request, get_updates_request=telegram_updates_request
        )
        credentials = ChannelCredentials("telegram", self.secrets[GATEWAY_CHANNEL_SECRET.variable])
        self.rasa = RasaClient(
            settings.rasa_url, credentials, timeout=RASA_TIMEOUT_SECONDS, transport=rasa_transport
        )
        self.buttons = ButtonStore(self.store)
        self.relay = ChatRelay(
            self.application.bot,
            self.rasa,
            Delivery(self.application.bot, self.buttons),
            self.policy,
            self.store,
        )
        GatewayHandlers(self.relay, self.buttons).register(self.application)
        self.push_server = EmbeddedHttpServer(
            create_push_app(self.relay, self.secrets[PUSH_TOKEN.variable]),
            "127.0.0.1",
            settings.gateway_push_port,
            name="push",
        )
        self.webhook_server: EmbeddedHttpServer | None = None
        self._redelivery: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.application.initialize()  # getMe: fails fast on a wrong token
        await set_command_menus(self.application.bot)
        await self.push_server.start()
        if self.settings.webhook_mode:
            await self._start_webhook()
        else:
            updater = self.application.updater
            if updater is None:
                raise RuntimeError("polling mode needs the Application's updater")
            await updater.start_polling(allowed_updates=Update.ALL_TYPES)  # also deletes any webhook
        await self.application.start()
        self._redelivery = asyncio.create_task(self._redeliver_forever())
        logger.info(
            "gateway started (%s), push endpoint on 127.0.0.1:%d, Rasa at %s",
            "webhook" if self.settings.webhook_mode else "long polling",
            self.push_server.port,
            self.settings.rasa_url,
        )

    async def stop(self) -> None:
        """Stop taking updates, let the work in progress finish, then release everything."""
        if self._redelivery is not None:
            self._redelivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._redelivery
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.webhook_server is not None:
            await self.webhook_server.stop()
        await self.push_server.stop()
        if self.application.running:
            await self.application.stop()
        try:
            await asyncio.wait_for(self.relay.drain(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            logger.warning("stopped with chat jobs still running after %.0f s", SHUTDOWN_GRACE_SECONDS)
        await self.application.shutdown()
        await self.rasa.aclose()
        self.store.close()
        logger.info("gateway stopped")

    async def _start_webhook(self) -> None:
        url = self.settings.telegram_webhook_url or ""
        secret_value = self.secrets[TELEGRAM_WEBHOOK_SECRET.variable]
        self.webhook_server = EmbeddedHttpServer(
            create_webhook_app(self.application, webhook_path(url), secret_value),
            self.settings.telegram_webhook_listen,
            self.settings.telegram_webhook_port,
            name="webhook",
        )
        await self.webhook_server.start()
        await self.application.bot.set_webhook(
            url, secret_token=secret_value, allowed_updates=Update.ALL_TYPES
        )

    async def _redeliver_forever(self) -> None:
        # At once first: messages kept before a restart go out as soon as Rasa answers.
        while True:
            self.relay.redeliver_pending()
            await asyncio.sleep(self.policy.redeliver_interval)


async def serve(settings: GatewaySettings) -> None:
    """Run until SIGINT or SIGTERM, then shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    gateway = Gateway(settings)
    try:
        await gateway.start()
        await stop.wait()
    finally:
        await gateway.stop()  # also releases whatever a failed start had already opened
