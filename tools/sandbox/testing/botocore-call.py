"""One CloudWatch call through botocore's own serializer and parser for a chosen protocol.

botocore picks the first protocol of its priority list that a service offers (CloudWatch: json), so the
other two wire protocols CloudWatch offers (smithy-rpc-v2-cbor, query) are reached by narrowing that list.
Usage: botocore-call.py <protocol> <endpoint> <operation> <params-json>
Prints {"ok": result} or {"error": code, "status": http_status, "message": ...} as JSON.
"""
import datetime
import json
import sys

import botocore.model
import botocore.session
from botocore.exceptions import ClientError

protocol, endpoint, operation, params = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
botocore.model.PRIORITY_ORDERED_SUPPORTED_PROTOCOLS = (protocol,)
for key in ("StartTime", "EndTime"):
    if key in params:
        params[key] = datetime.datetime.fromtimestamp(params[key], tz=datetime.timezone.utc)
session = botocore.session.get_session()
client = session.create_client(
    "cloudwatch",
    region_name="us-east-1",
    endpoint_url=endpoint,
    aws_access_key_id="AKIDSANDBOX",
    aws_secret_access_key="sandbox-secret",
)
assert client.meta.service_model.resolved_protocol == protocol
try:
    result = getattr(client, operation)(**params)
    result.pop("ResponseMetadata", None)
    print(json.dumps({"ok": result}, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)))
except ClientError as e:
    err = e.response["Error"]
    print(json.dumps({"error": err.get("Code"), "status": e.response["ResponseMetadata"].get("HTTPStatusCode"), "message": err.get("Message")}))
