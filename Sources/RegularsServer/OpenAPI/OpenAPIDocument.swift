/// The OpenAPI 3.1 document of the API, served at `GET /openapi.json`.
///
/// Kept beside the routes: change it in the same commit as a route or a payload (`OperationsTests` checks
/// that every route is listed).
enum OpenAPIDocument {
    static let json = ##"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Regulars API",
            "version": "1.0.0",
            "description": "Recommendations, events, upserts and back-office reads of one shop. Keys travel as `Authorization: Bearer KEY`; a public key (`rk_pub_…`) may only read recommendations and send events, a secret key (`rk_sec_…`) may do everything. Every error is `{\"error\": {\"status\", \"message\", \"field\"}}`."
          },
          "servers": [
            {
              "url": "http://127.0.0.1:8080"
            }
          ],
          "paths": {
            "/v1/recommendations": {
              "get": {
                "operationId": "recommend",
                "summary": "Recommendations for one placement",
                "security": [
                  {
                    "publicKey": []
                  },
                  {
                    "secretKey": []
                  }
                ],
                "parameters": [
                  {
                    "name": "placement",
                    "in": "query",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "home",
                        "product",
                        "cart",
                        "checkout",
                        "email.post_purchase",
                        "email.win_back",
                        "email.loyal"
                      ]
                    }
                  },
                  {
                    "name": "customer",
                    "in": "query",
                    "description": "The signed-in customer's id; unknown ids get non-personal recommendations. With a public key it needs `customer_token`.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "customer_token",
                    "in": "query",
                    "description": "With a public key, the token of `customer` (from `GET /v1/customers/{id}/token` on your backend); without a valid one the visitor is answered as anonymous, so a copied public key cannot read another customer's recommendations.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "product",
                    "in": "query",
                    "description": "The SKU of the product being viewed.",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "cart",
                    "in": "query",
                    "description": "SKUs in the cart, comma separated (at most 100).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[^,]{0,200}(,[^,]{0,200}){0,99}$"
                    }
                  },
                  {
                    "name": "session",
                    "in": "query",
                    "description": "SKUs viewed in this session, oldest first, comma separated (at most 100).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[^,]{0,200}(,[^,]{0,200}){0,99}$"
                    }
                  },
                  {
                    "name": "source",
                    "in": "query",
                    "description": "Where the visitor came from (utm_source or utm_campaign).",
                    "schema": {
                      "type": "string",
                      "maxLength": 200
                    }
                  },
                  {
                    "name": "n",
                    "in": "query",
                    "description": "How many items; default 8.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 50
                    }
                  },
                  {
                    "name": "Cache-Control",
                    "in": "header",
                    "description": "The same question is answered from a cache (per model version and day); `no-cache` computes it afresh.",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Items, best first.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Recommendations"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "503": {
                    "$ref": "#/components/responses/E503"
                  }
                }
              }
            },
            "/v1/events": {
              "post": {
                "operationId": "recordEvents",
                "summary": "Record a batch of events",
                "description": "At most 500 events; stored all or nothing (a bad item fails the batch with per-item `errors`), idempotent by `event_id`. Events of erased customers are accepted but not stored.",
                "security": [
                  {
                    "publicKey": []
                  },
                  {
                    "secretKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/EventBatch"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Stored.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/EventReceipt"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "413": {
                    "$ref": "#/components/responses/E413"
                  }
                }
              }
            },
            "/v1/products/{sku}": {
              "parameters": [
                {
                  "name": "sku",
                  "in": "path",
                  "required": true,
                  "description": "The product's SKU (1 to 200 characters).",
                  "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  }
                }
              ],
              "put": {
                "operationId": "upsertProduct",
                "summary": "Add or update a catalog product",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProductUpsert"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Stored.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Stored"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "413": {
                    "$ref": "#/components/responses/E413"
                  }
                }
              }
            },
            "/v1/customers/{id}": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/CustomerID"
                }
              ],
              "put": {
                "operationId": "upsertCustomer",
                "summary": "Add or update a customer",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/CustomerUpsert"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Stored.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Stored"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "413": {
                    "$ref": "#/components/responses/E413"
                  }
                }
              },
              "get": {
                "operationId": "showCustomer",
                "summary": "A customer's segment, predictions and recent orders (no personal details)",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The customer.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CustomerInsight"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              },
              "delete": {
                "operationId": "eraseCustomer",
                "summary": "Erase a customer: record, orders, lines and events; later imports and upserts of them are refused",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "What was removed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Erasure"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  }
                }
              }
            },
            "/v1/customers/{id}/token": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/CustomerID"
                }
              ],
              "get": {
                "operationId": "customerToken",
                "summary": "The customer token a page with a public key sends beside the customer id",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The token.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/CustomerToken"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/v1/customers/{id}/opt-out": {
              "parameters": [
                {
                  "$ref": "#/components/parameters/CustomerID"
                }
              ],
              "post": {
                "operationId": "optOutCustomer",
                "summary": "Stop personalizing for a customer",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Opted out.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/OptedOut"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "404": {
                    "$ref": "#/components/responses/E404"
                  }
                }
              }
            },
            "/v1/orders": {
              "post": {
                "operationId": "upsertOrder",
                "summary": "Add or replace an order with its lines (idempotent by order id)",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/OrderUpsert"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Stored.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Stored"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/E400"
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "413": {
                    "$ref": "#/components/responses/E413"
                  }
                }
              }
            },
            "/v1/segments": {
              "get": {
                "operationId": "listSegments",
                "summary": "Segment sizes now and for the last 12 months",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Segments.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Segments"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  }
                }
              }
            },
            "/v1/admin/train": {
              "post": {
                "operationId": "train",
                "summary": "Train a new model version on the store as it is now and serve it",
                "description": "Runs in the server (seconds on a shop of a few hundred thousand order lines); the served models are swapped atomically when it ends. One training at a time: a second request meanwhile is a 409.",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Trained and now served.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Trained"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  },
                  "409": {
                    "$ref": "#/components/responses/E409"
                  },
                  "422": {
                    "$ref": "#/components/responses/E422"
                  },
                  "503": {
                    "$ref": "#/components/responses/E503"
                  }
                }
              }
            },
            "/v1/admin/dashboard-link": {
              "post": {
                "operationId": "dashboardLink",
                "summary": "A one-time sign-in link to the dashboard",
                "description": "Open the returned path on this server in a browser once, within ten minutes; it signs the browser in to /dashboard for twelve hours.",
                "security": [
                  {
                    "secretKey": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The link.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/DashboardLink"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/E401"
                  },
                  "403": {
                    "$ref": "#/components/responses/E403"
                  }
                }
              }
            },
            "/widget.js": {
              "get": {
                "operationId": "widget",
                "summary": "The drop-in recommendation widget",
                "description": "A dependency-free script. Put `<div data-regulars-placement=\"product\" data-product=\"SKU\"></div>` on a page and `<script src=\"…/widget.js\" data-key=\"rk_pub_…\" async></script>` once; see the README.",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The script.",
                    "content": {
                      "text/javascript": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/health": {
              "get": {
                "operationId": "health",
                "summary": "Liveness and the model version served",
                "security": [],
                "responses": {
                  "200": {
                    "description": "Up.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "metrics",
                "summary": "Prometheus metrics",
                "security": [],
                "responses": {
                  "200": {
                    "description": "Prometheus text exposition format 0.0.4.",
                    "content": {
                      "text/plain": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openAPI",
                "summary": "This document",
                "security": [],
                "responses": {
                  "200": {
                    "description": "OpenAPI 3.1.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "components": {
            "parameters": {
              "CustomerID": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The customer's id as the shop knows it (1 to 200 characters).",
                "schema": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                }
              }
            },
            "securitySchemes": {
              "publicKey": {
                "type": "http",
                "scheme": "bearer",
                "description": "A public key, rk_pub_…"
              },
              "secretKey": {
                "type": "http",
                "scheme": "bearer",
                "description": "A secret key, rk_sec_…"
              }
            },
            "responses": {
              "E400": {
                "description": "A request value is wrong; `error.field` names it.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E401": {
                "description": "No key, or an unknown or revoked key.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E403": {
                "description": "A public key on a route that needs a secret key.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E404": {
                "description": "No such customer.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E409": {
                "description": "A conflict: the customer was erased and cannot be added again, or a training is already running.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E413": {
                "description": "The request body is larger than 1 MiB.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E422": {
                "description": "The request is well formed but cannot be carried out (a store with no orders to train on).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "E503": {
                "description": "No models trained yet.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              }
            },
            "schemas": {
              "CustomerToken": {
                "type": "object",
                "properties": {
                  "customer_id": {
                    "type": "string"
                  },
                  "token": {
                    "type": "string"
                  }
                },
                "required": [
                  "customer_id",
                  "token"
                ]
              },
              "DashboardLink": {
                "type": "object",
                "properties": {
                  "url": {
                    "type": "string"
                  },
                  "expires_at": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "url",
                  "expires_at"
                ]
              },
              "Trained": {
                "type": "object",
                "properties": {
                  "version": {
                    "type": "integer"
                  },
                  "as_of": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "trained_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "customers": {
                    "type": "integer"
                  },
                  "products": {
                    "type": "integer"
                  },
                  "orders": {
                    "type": "integer"
                  },
                  "training_seconds": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "number"
                    }
                  }
                },
                "required": [
                  "version",
                  "as_of",
                  "trained_at",
                  "customers",
                  "products",
                  "orders",
                  "training_seconds"
                ]
              },
              "Error": {
                "type": "object",
                "properties": {
                  "error": {
                    "type": "object",
                    "properties": {
                      "status": {
                        "type": "integer"
                      },
                      "message": {
                        "type": "string"
                      },
                      "field": {
                        "type": "string",
                        "description": "The request field at fault, such as `events[3].at`."
                      }
                    },
                    "required": [
                      "status",
                      "message"
                    ]
                  },
                  "errors": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ItemError"
                    },
                    "description": "Per-item errors of a batch."
                  }
                },
                "required": [
                  "error"
                ]
              },
              "ItemError": {
                "type": "object",
                "properties": {
                  "index": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "field": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  }
                },
                "required": [
                  "index",
                  "field",
                  "message"
                ]
              },
              "Recommendations": {
                "type": "object",
                "properties": {
                  "placement": {
                    "type": "string"
                  },
                  "model_version": {
                    "type": "integer"
                  },
                  "personalized": {
                    "type": "boolean"
                  },
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/RecommendedItem"
                    }
                  }
                },
                "required": [
                  "placement",
                  "model_version",
                  "personalized",
                  "items"
                ]
              },
              "RecommendedItem": {
                "type": "object",
                "properties": {
                  "sku": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "price": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "url_or_handle": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The product's handle on the shop."
                  },
                  "image": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "An image URL, when known."
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why this product, in plain words."
                  },
                  "model": {
                    "type": "string",
                    "description": "The model that proposed it."
                  },
                  "recommendation_id": {
                    "type": "string",
                    "description": "Send it back in rec_impression and rec_click events."
                  }
                },
                "required": [
                  "sku",
                  "title",
                  "price",
                  "url_or_handle",
                  "image",
                  "reason",
                  "model",
                  "recommendation_id"
                ]
              },
              "EventBatch": {
                "type": "object",
                "properties": {
                  "events": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/Event"
                    }
                  }
                },
                "required": [
                  "events"
                ]
              },
              "Event": {
                "type": "object",
                "properties": {
                  "event_id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200,
                    "description": "The sender's id; a second event with the same id is ignored."
                  },
                  "type": {
                    "type": "string",
                    "enum": [
                      "product_view",
                      "add_to_cart",
                      "purchase",
                      "rec_impression",
                      "rec_click",
                      "email_click"
                    ]
                  },
                  "at": {
                    "type": "string",
                    "pattern": "^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]+)?)? ?([Zz]|UTC|[+-](0[0-9]|1[0-4])(:?[0-5][0-9]|:)?)?)?$",
                    "description": "ISO-8601: 2024-03-01, 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 +0100; impossible days such as 2024-02-30 are refused.",
                    "examples": [
                      "2024-03-01T10:15:00Z"
                    ]
                  },
                  "customer_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "session_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "sku": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200,
                    "description": "Required for product_view, add_to_cart and rec_click."
                  },
                  "recommendation_id": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200,
                    "description": "Required for rec_impression and rec_click."
                  },
                  "source": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "minLength": 1,
                    "maxLength": 200
                  }
                },
                "required": [
                  "event_id",
                  "type",
                  "at"
                ],
                "description": "One of customer_id and session_id is required.",
                "anyOf": [
                  {
                    "required": [
                      "customer_id"
                    ],
                    "properties": {
                      "customer_id": {
                        "type": "string"
                      }
                    }
                  },
                  {
                    "required": [
                      "session_id"
                    ],
                    "properties": {
                      "session_id": {
                        "type": "string"
                      }
                    }
                  }
                ],
                "allOf": [
                  {
                    "if": {
                      "properties": {
                        "type": {
                          "enum": [
                            "product_view",
                            "add_to_cart",
                            "rec_click"
                          ]
                        }
                      },
                      "required": [
                        "type"
                      ]
                    },
                    "then": {
                      "required": [
                        "sku"
                      ],
                      "properties": {
                        "sku": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  {
                    "if": {
                      "properties": {
                        "type": {
                          "enum": [
                            "rec_impression",
                            "rec_click"
                          ]
                        }
                      },
                      "required": [
                        "type"
                      ]
                    },
                    "then": {
                      "required": [
                        "recommendation_id"
                      ],
                      "properties": {
                        "recommendation_id": {
                          "type": "string"
                        }
                      }
                    }
                  }
                ]
              },
              "EventReceipt": {
                "type": "object",
                "properties": {
                  "received": {
                    "type": "integer"
                  },
                  "stored": {
                    "type": "integer",
                    "description": "New events; the rest were stored before or belong to erased customers."
                  }
                },
                "required": [
                  "received",
                  "stored"
                ]
              },
              "Amount": {
                "description": "An amount in the shop's currency, at least 0 and below 100000000: a number such as 2.55 (rounded to four decimals) or a decimal string such as \"2.55\" or \"1,234.5\" (at most four decimals).",
                "oneOf": [
                  {
                    "type": "number",
                    "minimum": 0,
                    "exclusiveMaximum": 100000000
                  },
                  {
                    "type": "string",
                    "pattern": "^([0-9]{1,8}|[0-9]{1,2}(,[0-9]{3}){1,2})(\\.[0-9]{0,4})?$"
                  }
                ]
              },
              "ProductUpsert": {
                "type": "object",
                "properties": {
                  "title": {
                    "type": "string",
                    "minLength": 1
                  },
                  "handle": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "description": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "vendor": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "category": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "tags": {
                    "type": [
                      "array",
                      "null"
                    ],
                    "items": {
                      "type": "string"
                    }
                  },
                  "price": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Amount"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "compare_at_price": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Amount"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "cost": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Amount"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "inventory": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": -1000000000,
                    "maximum": 1000000000
                  },
                  "status": {
                    "enum": [
                      "active",
                      "draft",
                      "archived",
                      null
                    ]
                  },
                  "created_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]+)?)? ?([Zz]|UTC|[+-](0[0-9]|1[0-4])(:?[0-5][0-9]|:)?)?)?$",
                    "description": "ISO-8601: 2024-03-01, 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 +0100; impossible days such as 2024-02-30 are refused.",
                    "examples": [
                      "2024-03-01T10:15:00Z"
                    ]
                  },
                  "sensitive": {
                    "type": [
                      "boolean",
                      "null"
                    ]
                  }
                },
                "required": [
                  "title"
                ]
              },
              "CustomerUpsert": {
                "type": "object",
                "properties": {
                  "email": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^$|@",
                    "description": "An e-mail address (must contain @); empty means unknown."
                  },
                  "first_name": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "accepts_marketing": {
                    "type": [
                      "boolean",
                      "null"
                    ]
                  },
                  "created_at": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]+)?)? ?([Zz]|UTC|[+-](0[0-9]|1[0-4])(:?[0-5][0-9]|:)?)?)?$",
                    "description": "ISO-8601: 2024-03-01, 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 +0100; impossible days such as 2024-02-30 are refused.",
                    "examples": [
                      "2024-03-01T10:15:00Z"
                    ]
                  }
                },
                "required": []
              },
              "OrderUpsert": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "customer_id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "created_at": {
                    "type": "string",
                    "pattern": "^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]+)?)? ?([Zz]|UTC|[+-](0[0-9]|1[0-4])(:?[0-5][0-9]|:)?)?)?$",
                    "description": "ISO-8601: 2024-03-01, 2024-03-01T10:15:00Z or 2024-03-01 10:15:00 +0100; impossible days such as 2024-02-30 are refused.",
                    "examples": [
                      "2024-03-01T10:15:00Z"
                    ]
                  },
                  "currency": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "total": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Amount"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "discount_code": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "source": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "lines": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 500,
                    "items": {
                      "$ref": "#/components/schemas/OrderLine"
                    }
                  }
                },
                "required": [
                  "id",
                  "customer_id",
                  "created_at",
                  "lines"
                ],
                "description": "The order replaces any earlier one with the same id; `total` defaults to the sum of the lines."
              },
              "OrderLine": {
                "type": "object",
                "properties": {
                  "sku": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200
                  },
                  "title": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "quantity": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 10000
                  },
                  "unit_price": {
                    "$ref": "#/components/schemas/Amount"
                  }
                },
                "required": [
                  "sku",
                  "quantity",
                  "unit_price"
                ]
              },
              "Stored": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "product",
                      "customer",
                      "order"
                    ]
                  },
                  "id": {
                    "type": "string"
                  },
                  "lines": {
                    "type": "integer",
                    "description": "Order lines written (orders only)."
                  }
                },
                "required": [
                  "kind",
                  "id"
                ]
              },
              "Segment": {
                "type": "string",
                "enum": [
                  "new",
                  "active",
                  "loyal",
                  "high_spender",
                  "gift_buyer",
                  "at_risk",
                  "lapsed",
                  "lost"
                ]
              },
              "CustomerPrediction": {
                "type": "object",
                "properties": {
                  "customer_id": {
                    "type": "string"
                  },
                  "segments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Segment"
                    }
                  },
                  "primary_segment": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Segment"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "rfm": {
                    "type": "string",
                    "description": "Recency, frequency and monetary quintiles, e.g. 545."
                  },
                  "orders": {
                    "type": "integer"
                  },
                  "total_spend": {
                    "type": "number"
                  },
                  "last_order_date": {
                    "type": "string",
                    "format": "date"
                  },
                  "days_since_last_order": {
                    "type": "integer"
                  },
                  "p_alive": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "expected_orders_30d": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "expected_orders_90d": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "expected_orders_365d": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "next_order_date": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date"
                  },
                  "expected_spend": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "clv": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                },
                "required": [
                  "customer_id",
                  "segments",
                  "primary_segment",
                  "rfm",
                  "orders",
                  "total_spend",
                  "last_order_date",
                  "days_since_last_order",
                  "p_alive",
                  "expected_orders_30d",
                  "expected_orders_90d",
                  "expected_orders_365d",
                  "next_order_date",
                  "expected_spend",
                  "clv"
                ]
              },
              "CustomerInsight": {
                "type": "object",
                "properties": {
                  "customer_id": {
                    "type": "string"
                  },
                  "opted_out": {
                    "type": "boolean"
                  },
                  "segment": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/Segment"
                      },
                      {
                        "type": "null"
                      }
                    ],
                    "description": "The primary segment; null without orders."
                  },
                  "segments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Segment"
                    }
                  },
                  "prediction": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/CustomerPrediction"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "recent_orders": {
                    "type": "array",
                    "maxItems": 10,
                    "items": {
                      "$ref": "#/components/schemas/RecentOrder"
                    }
                  },
                  "as_of": {
                    "type": "string",
                    "format": "date-time"
                  }
                },
                "required": [
                  "customer_id",
                  "opted_out",
                  "segment",
                  "segments",
                  "prediction",
                  "recent_orders",
                  "as_of"
                ]
              },
              "RecentOrder": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "total": {
                    "type": "number"
                  },
                  "lines": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "sku": {
                          "type": "string"
                        },
                        "title": {
                          "type": "string"
                        },
                        "quantity": {
                          "type": "integer"
                        },
                        "unit_price": {
                          "type": "number"
                        }
                      },
                      "required": [
                        "sku",
                        "title",
                        "quantity",
                        "unit_price"
                      ]
                    }
                  }
                },
                "required": [
                  "id",
                  "created_at",
                  "total",
                  "lines"
                ]
              },
              "Erasure": {
                "type": "object",
                "properties": {
                  "customer_found": {
                    "type": "boolean"
                  },
                  "orders_removed": {
                    "type": "integer"
                  },
                  "lines_removed": {
                    "type": "integer"
                  },
                  "events_removed": {
                    "type": "integer"
                  }
                },
                "required": [
                  "customer_found",
                  "orders_removed",
                  "lines_removed",
                  "events_removed"
                ]
              },
              "OptedOut": {
                "type": "object",
                "properties": {
                  "customer_id": {
                    "type": "string"
                  },
                  "opted_out": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "customer_id",
                  "opted_out"
                ]
              },
              "SegmentCount": {
                "type": "object",
                "properties": {
                  "segment": {
                    "$ref": "#/components/schemas/Segment"
                  },
                  "members": {
                    "type": "integer"
                  },
                  "primary": {
                    "type": "integer"
                  }
                },
                "required": [
                  "segment",
                  "members",
                  "primary"
                ]
              },
              "Segments": {
                "type": "object",
                "properties": {
                  "as_of": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "customers": {
                    "type": "integer"
                  },
                  "unassigned": {
                    "type": "integer"
                  },
                  "segments": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/SegmentCount"
                    }
                  },
                  "prediction_shortfall": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "history": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "month": {
                          "type": "string"
                        },
                        "customers": {
                          "type": "integer"
                        },
                        "unassigned": {
                          "type": "integer"
                        },
                        "segments": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/SegmentCount"
                          }
                        }
                      },
                      "required": [
                        "month",
                        "customers",
                        "unassigned",
                        "segments"
                      ]
                    }
                  }
                },
                "required": [
                  "as_of",
                  "customers",
                  "unassigned",
                  "segments",
                  "prediction_shortfall",
                  "history"
                ]
              },
              "Health": {
                "type": "object",
                "properties": {
                  "status": {
                    "type": "string",
                    "enum": [
                      "ok"
                    ]
                  },
                  "model_version": {
                    "type": [
                      "integer",
                      "null"
                    ]
                  }
                },
                "required": [
                  "status",
                  "model_version"
                ]
              }
            }
          }
        }
        """##
}
