// Verifies webhook deliveries as a partner would, with the Standard Webhooks reference library (not Confide's code).
// Reads a JSON array of {secret, id, timestamp, signature, body} on stdin; prints one line per delivery:
// "ok" or "fail: <reason>". Used by system-tests WebhookSystemTest.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
for (const d of JSON.parse(input)) {
  try {
    new Webhook(d.secret).verify(d.body, {
      "webhook-id": d.id,
      "webhook-timestamp": d.timestamp,
      "webhook-signature": d.signature,
    });
    console.log("ok");
  } catch (e) {
    console.log("fail: " + e.message);
  }
}
