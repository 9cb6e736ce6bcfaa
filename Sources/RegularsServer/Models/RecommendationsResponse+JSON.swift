import Hummingbird

extension RecommendationsResponse {
    /// The answer's JSON, openapi.yaml's `Recommendations`: keys sorted, every item with every key (`null` when
    /// unknown), `experiment` and `arm` only when an experiment chose the list.
    func json() -> ByteBuffer {
        var writer = JSONWriter(capacity: 128 + items.count * 320)
        writer.object { json in
            if let arm {
                json.key("arm")
                json.string(arm)
            }
            if let experiment {
                json.key("experiment")
                json.string(experiment)
            }
            json.key("items")
            json.array { json in
                for item in items { item.write(into: &json) }
            }
            json.key("model_version")
            json.int(modelVersion)
            json.key("personalized")
            json.bool(personalized)
            json.key("placement")
            json.string(placement)
        }
        return writer.buffer
    }
}

extension RecommendationsResponse.Item {
    fileprivate func write(into writer: inout JSONWriter) {
        writer.object { json in
            json.key("image")
            json.string(image)
            json.key("model")
            json.string(model)
            json.key("price")
            json.number(price)
            json.key("probability")
            json.number(probability)
            json.key("reason")
            json.string(reason)
            json.key("recommendation_id")
            json.string(recommendationID)
            json.key("sku")
            json.string(sku)
            json.key("title")
            json.string(title)
            json.key("url_or_handle")
            json.string(urlOrHandle)
        }
    }
}
