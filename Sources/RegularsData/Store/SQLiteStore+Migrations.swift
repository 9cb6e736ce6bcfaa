import GRDB

extension SQLiteStore {
    /// The order table's secondary indexes; an import into an empty store drops and rebuilds them.
    ///
    /// Orders by customer and time end with the order's id, and the index says it is unique (the id alone is):
    /// then SQLite knows the snapshot's `ORDER BY customerId, createdAt, id, position` needs no sort of its own,
    /// since each order's lines come out of the line table's key in position order. The sort was a third of the
    /// query's time on 1.5 million lines (1.6 s against 1.1 s).
    static let orderIndexes = """
        CREATE UNIQUE INDEX shopOrder_customer_time ON shopOrder(customerId, createdAt, id);
        CREATE INDEX shopOrder_time ON shopOrder(createdAt);
        """

    /// The schema, one migration per change; times are seconds since 1970, money is `Money.units`.
    ///
    /// Lines point at their order by its integer key, not its text id: a million-line import spent most of
    /// its time comparing text keys in the line table's B-tree.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: customers, products, orders, lines, imports") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customer (
                        id TEXT PRIMARY KEY NOT NULL,
                        email TEXT,
                        firstName TEXT,
                        acceptsMarketing INTEGER NOT NULL DEFAULT 0,
                        createdAt INTEGER,
                        optedOut INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE product (
                        sku TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        handle TEXT,
                        description TEXT,
                        vendor TEXT,
                        category TEXT,
                        tags TEXT NOT NULL DEFAULT '',
                        price INTEGER,
                        compareAtPrice INTEGER,
                        cost INTEGER,
                        inventory INTEGER,
                        status TEXT,
                        createdAt INTEGER,
                        sensitive INTEGER NOT NULL DEFAULT 0,
                        inCatalog INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE shopOrder (
                        key INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        customerId TEXT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                        createdAt INTEGER NOT NULL,
                        currency TEXT,
                        total INTEGER NOT NULL,
                        discountCode TEXT,
                        source TEXT
                    );
                    CREATE INDEX shopOrder_customer_time ON shopOrder(customerId, createdAt);
                    CREATE INDEX shopOrder_time ON shopOrder(createdAt);
                    CREATE TABLE orderLine (
                        orderKey INTEGER NOT NULL REFERENCES shopOrder(key) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        sku TEXT NOT NULL,
                        productName TEXT NOT NULL,
                        quantity INTEGER NOT NULL,
                        unitPrice INTEGER NOT NULL,
                        PRIMARY KEY (orderKey, position)
                    ) WITHOUT ROWID;
                    CREATE TABLE importLog (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        report TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2: erasure suppression list and store settings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE storeSetting (
                        name TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE suppression (
                        hash TEXT PRIMARY KEY NOT NULL,
                        erasedAt INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
            // The salt makes the suppression hashes useless outside this store: the same e-mail hashes
            // differently in every shop, so the list cannot be matched against another list.
            var generator = SystemRandomNumberGenerator()
            let salt = (0..<4).map { _ in String(generator.next(), radix: 16) }.joined()
            try db.execute(
                sql: "INSERT INTO storeSetting (name, value) VALUES ('suppressionSalt', ?)", arguments: [salt])
        }
        migrator.registerMigration("v3: API keys and events") { db in
            // Keys are kept as SHA-256 hashes only: the key itself is shown once, when it is created.
            try db.execute(
                sql: """
                    CREATE TABLE apiKey (
                        name TEXT PRIMARY KEY NOT NULL,
                        scope TEXT NOT NULL,
                        hash BLOB NOT NULL UNIQUE,
                        createdAt INTEGER NOT NULL
                    );
                    CREATE TABLE event (
                        eventId TEXT PRIMARY KEY NOT NULL,
                        type TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        customerId TEXT,
                        sessionId TEXT,
                        sku TEXT,
                        recommendationId TEXT,
                        source TEXT,
                        receivedAt INTEGER NOT NULL
                    );
                    CREATE INDEX event_customer ON event(customerId) WHERE customerId IS NOT NULL;
                    CREATE INDEX event_time ON event(at);
                    """)
        }
        migrator.registerMigration("v4: experiments, exposures, e-mail sends, events tied to an arm") { db in
            // An experiment's unit is a customer id or a session id; an exposure is its first serving of an arm.
            try db.execute(
                sql: """
                    ALTER TABLE event ADD COLUMN experiment TEXT;
                    ALTER TABLE event ADD COLUMN arm TEXT;
                    CREATE TABLE experiment (
                        name TEXT PRIMARY KEY NOT NULL,
                        placement TEXT NOT NULL,
                        arms TEXT NOT NULL,
                        holdoutPercent REAL NOT NULL,
                        unit TEXT NOT NULL,
                        startedAt INTEGER NOT NULL,
                        stoppedAt INTEGER
                    );
                    CREATE TABLE exposure (
                        experiment TEXT NOT NULL,
                        unit TEXT NOT NULL,
                        arm TEXT NOT NULL,
                        firstAt INTEGER NOT NULL,
                        PRIMARY KEY (experiment, unit)
                    ) WITHOUT ROWID;
                    CREATE INDEX exposure_unit ON exposure(unit);
                    CREATE TABLE emailSend (
                        campaign TEXT NOT NULL,
                        customerId TEXT NOT NULL,
                        sentAt INTEGER NOT NULL,
                        token TEXT,
                        PRIMARY KEY (campaign, customerId)
                    ) WITHOUT ROWID;
                    CREATE INDEX emailSend_customer ON emailSend(customerId);
                    CREATE UNIQUE INDEX emailSend_token ON emailSend(token) WHERE token IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v5: event ids scoped by key, the files erasure must reach") { db in
            // One key could squat another's event ids while they shared one namespace: the key's name is now part
            // of the id. Events stored before keep the empty scope.
            try db.execute(
                sql: """
                    CREATE TABLE event_v5 (
                        scope TEXT NOT NULL DEFAULT '',
                        eventId TEXT NOT NULL,
                        type TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        customerId TEXT,
                        sessionId TEXT,
                        sku TEXT,
                        recommendationId TEXT,
                        source TEXT,
                        receivedAt INTEGER NOT NULL,
                        experiment TEXT,
                        arm TEXT,
                        PRIMARY KEY (scope, eventId)
                    );
                    INSERT INTO event_v5 (eventId, type, at, customerId, sessionId, sku, recommendationId, source,
                        receivedAt, experiment, arm)
                    SELECT eventId, type, at, customerId, sessionId, sku, recommendationId, source, receivedAt,
                        experiment, arm FROM event;
                    DROP TABLE event;
                    ALTER TABLE event_v5 RENAME TO event;
                    CREATE INDEX event_customer ON event(customerId) WHERE customerId IS NOT NULL;
                    CREATE INDEX event_time ON event(at);
                    CREATE TABLE writtenFile (
                        path TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v6: stated preferences") { db in
            try db.execute(
                sql: """
                    CREATE TABLE statedPreference (
                        customerId TEXT PRIMARY KEY NOT NULL,
                        answer TEXT NOT NULL,
                        expiresAt INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v7: webhook deliveries") { db in
            try db.execute(
                sql: """
                    CREATE TABLE webhookDelivery (
                        id TEXT PRIMARY KEY NOT NULL,
                        topic TEXT NOT NULL,
                        receivedAt INTEGER NOT NULL,
                        payload BLOB,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        retryAt INTEGER NOT NULL DEFAULT 0,
                        outcome TEXT,
                        error TEXT
                    );
                    CREATE INDEX webhookDelivery_pending ON webhookDelivery (receivedAt) WHERE state = 'pending';
                    """)
        }
        migrator.registerMigration("v8: jobs for workers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE job (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        runAfter INTEGER NOT NULL DEFAULT 0,
                        worker TEXT,
                        leaseUntil INTEGER,
                        queuedAt INTEGER NOT NULL,
                        finishedAt INTEGER,
                        result TEXT,
                        error TEXT
                    );
                    CREATE INDEX job_open ON job (state, kind) WHERE state IN ('pending', 'running');
                    """)
        }
        migrator.registerMigration("v9: dashboard sessions and sign-in links, by token hash") { db in
            try db.execute(
                sql: """
                    CREATE TABLE accessGrant (
                        tokenHash TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        expiresAt INTEGER NOT NULL,
                        keyHash BLOB
                    );
                    """)
        }
        migrator.registerMigration("v10: server beats") { db in
            try db.execute(
                sql: """
                    CREATE TABLE serverBeat (
                        id TEXT PRIMARY KEY NOT NULL,
                        beatAt INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v11: what a job works on") { db in
            try db.execute(sql: "ALTER TABLE job ADD COLUMN argument TEXT")
        }
        migrator.registerMigration("v12: orders by customer and time, unique with their id") { db in
            try db.execute(
                sql: """
                    DROP INDEX shopOrder_customer_time;
                    CREATE UNIQUE INDEX shopOrder_customer_time ON shopOrder(customerId, createdAt, id);
                    """)
        }
        return migrator
    }
}
