"""Messages of the fictional client applications (com.acme.*: orders-service, billing,
inventory-api, ...) that both the sample bundles and the benchmark corpus log.
Invented, not copied from a real program; frame them with a javalog layout.
"""


def order_confirmed(order_id, items, euros, cents):
    return f"Order {order_id} confirmed ({items} items, total {euros}.{cents:02d} EUR)"


def order_published(order_id, topic="orders"):
    return f"Published OrderCreated for order {order_id} to {topic}"


def post_order(ms):
    return f"POST /api/v1/orders 201 {ms}ms"


def publish_failed(order_id, topic):
    """The application's ERROR for a send that failed; javaclient.send_failure_stack follows it."""
    return f"Failed to publish event for order {order_id} to {topic}"


def batch_processed(records, topic, ms):
    return f"Processed {records} records from {topic} in {ms} ms"


def offsets_committed(partitions, topic):
    return f"Committed offsets for {partitions} partition(s) of {topic}"


def stock_snapshot(skus):
    return f"Stock snapshot published ({skus} SKUs)"


def ledger_flushed(entries, topic, ms):
    """The Go ledger-writer's own log.Printf line."""
    return f"ledger-writer: flushed {entries} entries to {topic} in {ms}ms"


def prices_published(updates, topic, ms):
    """The Python pricing-feed's own logger line."""
    return f"published {updates} price updates to {topic} (p99 delivery {ms} ms)"


def notifications_sent(n, topic):
    """The Node.js notify-gateway's own line (through kafka.logger())."""
    return f"sent {n} notification(s) to {topic}"
