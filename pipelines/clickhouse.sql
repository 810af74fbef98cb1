-- The chatcodes catalogue as a ClickHouse dictionary, and a query that
-- explains the ErrorCode of a log table with it. Tested end to end with chDB
-- (ClickHouse in-process): python/tests/test_clickhouse.py.
--
-- 1. Write the table: one namespace, every code of a range on its own row,
--    into the server's user_files directory (FILE sources must be there):
--
--    chatcodes export --format csv --namespace tencent_server \
--      --columns code,name,category,retryability,retry_after_ms,description,remedy,catalogue_version \
--      > /var/lib/clickhouse/user_files/chatcodes_tencent_server.csv
--
--    A number means different things in different namespaces, so a table
--    keyed by code alone is of one namespace: tencent_server holds the codes
--    of Tencent REST responses (ErrorCode, ResultCode). Make one dictionary
--    per namespace you log, e.g. nexconn_business for Nexconn's `code`.
--
-- 2. Run this file (clickhouse-client --multiquery < pipelines/clickhouse.sql).
--    On a cluster, see the README ("ClickHouse"): ON CLUSTER, and a source
--    every node can read.

CREATE DATABASE IF NOT EXISTS chatcodes;

-- Codes can be negative (-302, -10001): the key is Int64, and ClickHouse's
-- simple-key layouts take only UInt64 keys, so the layout is the complex-key
-- one (dictGet takes the code itself as its one-element key).
CREATE DICTIONARY IF NOT EXISTS chatcodes.tencent_server
(
    code Int64,
    name Nullable(String),
    category String,
    retryability String,
    retry_after_ms Nullable(UInt32),
    description String,
    remedy String,
    catalogue_version String
)
PRIMARY KEY code
SOURCE(FILE(path '/var/lib/clickhouse/user_files/chatcodes_tencent_server.csv' format 'CSVWithNames'))
LAYOUT(COMPLEX_KEY_HASHED())
-- The table changes only with a new export: load it once, and after a new
-- export run SYSTEM RELOAD DICTIONARY chatcodes.tencent_server.
LIFETIME(0);

-- Every failed request of a log table `app_log` (a column ErrorCode),
-- explained; a code the catalogue does not have reads as unknown.
WITH toInt64(ErrorCode) AS code
SELECT
    ts,
    api,
    ErrorCode,
    dictHas('chatcodes.tencent_server', code) AS known,
    dictGet('chatcodes.tencent_server', 'name', code) AS name,
    if(known, dictGet('chatcodes.tencent_server', 'retryability', code), 'unknown') AS retryability,
    dictGet('chatcodes.tencent_server', 'retry_after_ms', code) AS retry_after_ms,
    dictGet('chatcodes.tencent_server', 'remedy', code) AS remedy
FROM app_log
WHERE ErrorCode != 0
ORDER BY ts;
