import Foundation

extension PostgresStore {
    /// The schema, one migration per change, numbered like SQLite's and applied in order in one transaction each;
    /// `schemaMigration` keeps which are applied. The first is SQLite's nine as they stand: both stores hold the same
    /// tables and columns, times in seconds since 1970 and money in `Money.units`.
    ///
    /// Every text is `COLLATE "C"`: PostgreSQL would otherwise sort by the database's locale, and the snapshot, the
    /// events and every list the product shows are read in the byte order SQLite gives them.
    static let migrations: [(name: String, sql: String)] = [
        (
            "v1: the tables of SQLite's v1 to v9",
            """
            CREATE TABLE customer (
                id TEXT COLLATE "C" PRIMARY KEY,
                email TEXT COLLATE "C",
                firstName TEXT COLLATE "C",
                acceptsMarketing BOOLEAN NOT NULL DEFAULT false,
                createdAt BIGINT,
                optedOut BOOLEAN NOT NULL DEFAULT false
            );
            CREATE INDEX customer_email ON customer (lower(email));
            CREATE TABLE product (
                sku TEXT COLLATE "C" PRIMARY KEY,
                title TEXT COLLATE "C" NOT NULL,
                handle TEXT COLLATE "C",
                description TEXT COLLATE "C",
                vendor TEXT COLLATE "C",
                category TEXT COLLATE "C",
                tags TEXT COLLATE "C" NOT NULL DEFAULT '',
                price BIGINT,
                compareAtPrice BIGINT,
                cost BIGINT,
                inventory BIGINT,
                status TEXT COLLATE "C",
                createdAt BIGINT,
                sensitive BOOLEAN NOT NULL DEFAULT false,
                inCatalog BOOLEAN NOT NULL DEFAULT false
            );
            CREATE TABLE shopOrder (
                key BIGSERIAL PRIMARY KEY,
                id TEXT COLLATE "C" NOT NULL UNIQUE,
                customerId TEXT COLLATE "C" NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                createdAt BIGINT NOT NULL,
                currency TEXT COLLATE "C",
                total BIGINT NOT NULL,
                discountCode TEXT COLLATE "C",
                source TEXT COLLATE "C"
            );
            CREATE INDEX shopOrder_customer_time ON shopOrder (customerId, createdAt);
            CREATE INDEX shopOrder_time ON shopOrder (createdAt);
            CREATE TABLE orderLine (
                orderKey BIGINT NOT NULL REFERENCES shopOrder(key) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                sku TEXT COLLATE "C" NOT NULL,
                productName TEXT COLLATE "C" NOT NULL,
                quantity BIGINT NOT NULL,
                unitPrice BIGINT NOT NULL,
                PRIMARY KEY (orderKey, position)
            );
            CREATE TABLE importLog (
                id BIGSERIAL PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL,
                report TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE storeSetting (
                name TEXT COLLATE "C" PRIMARY KEY,
                value TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE suppression (
                hash TEXT COLLATE "C" PRIMARY KEY,
                erasedAt BIGINT NOT NULL
            );
            CREATE TABLE apiKey (
                name TEXT COLLATE "C" PRIMARY KEY,
                scope TEXT COLLATE "C" NOT NULL,
                hash BYTEA NOT NULL UNIQUE,
                createdAt BIGINT NOT NULL
            );
            CREATE TABLE event (
                scope TEXT COLLATE "C" NOT NULL DEFAULT '',
                eventId TEXT COLLATE "C" NOT NULL,
                type TEXT COLLATE "C" NOT NULL,
                at BIGINT NOT NULL,
                customerId TEXT COLLATE "C",
                sessionId TEXT COLLATE "C",
                sku TEXT COLLATE "C",
                recommendationId TEXT COLLATE "C",
                source TEXT COLLATE "C",
                receivedAt BIGINT NOT NULL,
                experiment TEXT COLLATE "C",
                arm TEXT COLLATE "C",
                PRIMARY KEY (scope, eventId)
            );
            CREATE INDEX event_customer ON event (customerId) WHERE customerId IS NOT NULL;
            CREATE INDEX event_time ON event (at);
            CREATE TABLE experiment (
                name TEXT COLLATE "C" PRIMARY KEY,
                placement TEXT COLLATE "C" NOT NULL,
                arms TEXT COLLATE "C" NOT NULL,
                holdoutPercent DOUBLE PRECISION NOT NULL,
                unit TEXT COLLATE "C" NOT NULL,
                startedAt BIGINT NOT NULL,
                stoppedAt BIGINT
            );
            CREATE TABLE exposure (
                experiment TEXT COLLATE "C" NOT NULL,
                unit TEXT COLLATE "C" NOT NULL,
                arm TEXT COLLATE "C" NOT NULL,
                firstAt BIGINT NOT NULL,
                PRIMARY KEY (experiment, unit)
            );
            CREATE INDEX exposure_unit ON exposure (unit);
            CREATE TABLE emailSend (
                campaign TEXT COLLATE "C" NOT NULL,
                customerId TEXT COLLATE "C" NOT NULL,
                sentAt BIGINT NOT NULL,
                token TEXT COLLATE "C",
                PRIMARY KEY (campaign, customerId)
            );
            CREATE INDEX emailSend_customer ON emailSend (customerId);
            CREATE UNIQUE INDEX emailSend_token ON emailSend (token) WHERE token IS NOT NULL;
            CREATE TABLE writtenFile (
                seq BIGSERIAL,
                path TEXT COLLATE "C" PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL
            );
            CREATE TABLE statedPreference (
                customerId TEXT COLLATE "C" PRIMARY KEY,
                answer TEXT COLLATE "C" NOT NULL,
                expiresAt BIGINT NOT NULL
            );
            CREATE TABLE webhookDelivery (
                seq BIGSERIAL,
                id TEXT COLLATE "C" PRIMARY KEY,
                topic TEXT COLLATE "C" NOT NULL,
                receivedAt BIGINT NOT NULL,
                payload BYTEA,
                state TEXT COLLATE "C" NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                retryAt BIGINT NOT NULL DEFAULT 0,
                outcome TEXT COLLATE "C",
                error TEXT COLLATE "C"
            );
            CREATE INDEX webhookDelivery_pending ON webhookDelivery (receivedAt) WHERE state = 'pending';
            CREATE TABLE job (
                id BIGSERIAL PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL,
                state TEXT COLLATE "C" NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                runAfter BIGINT NOT NULL DEFAULT 0,
                worker TEXT COLLATE "C",
                leaseUntil BIGINT,
                queuedAt BIGINT NOT NULL,
                finishedAt BIGINT,
                result TEXT COLLATE "C",
                error TEXT COLLATE "C"
            );
            CREATE INDEX job_open ON job (state, kind) WHERE state IN ('pending', 'running');
            CREATE TABLE accessGrant (
                tokenHash TEXT COLLATE "C" PRIMARY KEY,
                kind TEXT COLLATE "C" NOT NULL,
                expiresAt BIGINT NOT NULL,
                keyHash BYTEA
            );
            """
        ),
        (
            "v2: server beats",
            """
            CREATE TABLE serverBeat (
                id TEXT COLLATE "C" PRIMARY KEY,
                beatAt BIGINT NOT NULL
            );
            """
        ),
        ("v3: what a job works on", #"ALTER TABLE job ADD COLUMN argument TEXT COLLATE "C";"#),
    ]

    /// Creates the shop's schema when missing and applies the migrations it lacks. Two processes opening a new shop
    /// at once take turns on an advisory lock named for the schema; the second finds the work done.
    static func migrate(_ session: PostgresSession, location: PostgresLocation) throws {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(hashtext($1))", [location.schema])
            try session.execute("CREATE SCHEMA IF NOT EXISTS \(location.schema)")
            try session.execute(
                "CREATE TABLE IF NOT EXISTS schemaMigration (name TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL)"
            )
            var applied: Set<String> = []
            for row in try session.query("SELECT name FROM schemaMigration").rows {
                applied.insert(try row.decode(String.self))
            }
            for migration in migrations where !applied.contains(migration.name) {
                try session.executeScript(migration.sql)
                try session.execute(
                    "INSERT INTO schemaMigration (name, appliedAt) VALUES ($1, now())", [migration.name])
                if migration.name.hasPrefix("v1:") { try addSuppressionSalt(session) }
            }
        }
    }

    /// As SQLite's v2 does: the salt makes the suppression hashes useless outside this shop.
    private static func addSuppressionSalt(_ session: PostgresSession) throws {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<4).map { _ in String(generator.next(), radix: 16) }.joined()
        try session.execute("INSERT INTO storeSetting (name, value) VALUES ('suppressionSalt', $1)", [salt])
    }
}
