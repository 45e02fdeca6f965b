#!/usr/bin/env python3
"""The deploy test's mail relay: accepts every message on 127.0.0.1:PORT and writes it to SPOOL as
N.eml (the envelope recipients in the first line), standard library only. In production the Notifier
hands its mail to a relay on the node (postfix as a satellite), which sends it on with TLS.

    smtp_sink.py PORT SPOOL
"""
import asyncio
import os
import sys

PORT, SPOOL = int(sys.argv[1]), sys.argv[2]
counter = 0


async def session(reader, writer):
    global counter

    async def reply(line):
        writer.write((line + "\r\n").encode())
        await writer.drain()

    await reply("220 sink ESMTP")
    recipients = []
    while True:
        raw = await reader.readline()
        if not raw:
            break
        command = raw.decode(errors="replace").strip()
        verb = command.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            await reply("250-sink" if verb == "EHLO" else "250 sink")
            if verb == "EHLO":
                await reply("250-8BITMIME")
                await reply("250 SMTPUTF8")
        elif verb == "MAIL":
            recipients = []
            await reply("250 OK")
        elif verb == "RCPT":
            recipients.append(command.split(":", 1)[1].strip().strip("<>"))
            await reply("250 OK")
        elif verb == "DATA":
            await reply("354 go ahead")
            lines = []
            while True:
                line = await reader.readline()
                if line in (b".\r\n", b".\n", b""):
                    break
                lines.append(line[1:] if line.startswith(b"..") else line)
            counter += 1
            path = os.path.join(SPOOL, f"{counter}.eml")
            with open(path + ".partial", "wb") as handle:
                handle.write(("X-Envelope-To: " + ", ".join(recipients) + "\r\n").encode())
                handle.writelines(lines)
            os.rename(path + ".partial", path)
            await reply("250 queued")
        elif verb == "RSET":
            recipients = []
            await reply("250 OK")
        elif verb == "NOOP":
            await reply("250 OK")
        elif verb == "QUIT":
            await reply("221 bye")
            break
        else:
            await reply("502 not implemented")
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
