import RegularsData

extension DemoCatalog {
    /// Every item the demo shop sells, in the order the products export lists them.
    ///
    /// The ground-truth SKUs (`DemoShop.GroundTruth`) are the ones with a `role`; the same SKUs appear in
    /// the hand-written fixtures in `Tests/Fixtures/shopify/`.
    static let items: [DemoItem] = [
        // Cookware
        .init(.cookware, "Lodge Cast-Iron Skillet 8 in", "LODGE-L5SK3", "Lodge", "19.90", tags: ["cast iron"]),
        .init(
            .cookware, "Lodge Cast-Iron Skillet 10.25 in", "LODGE-L8SK3", "Lodge", "29.90", was: "34.90",
            role: .skillet, tags: ["cast iron", "bestseller"]),
        .init(.cookware, "Lodge Cast-Iron Skillet 12 in", "LODGE-L10SK3", "Lodge", "39.90", tags: ["cast iron"]),
        .init(.cookware, "Cast-Iron Skillet Lid 10.25 in", "LODGE-L8IC3", "Lodge", "24.00", tags: ["cast iron"]),
        .init(
            .cookware, "Enamelled Dutch Oven 6 qt", "DO-ENAM-6", "Hearth & Pan", "79.00",
            tags: ["cast iron", "enamel"],
            option: "Color", values: ["Island Red", "Indigo", "Oyster White", "Sage", "Black"]),
        .init(.cookware, "Reversible Cast-Iron Griddle", "LODGE-LDP3", "Lodge", "54.00", tags: ["cast iron"]),
        .init(
            .cookware, "Carbon Steel Frying Pan", "PAN-CS", "Oakfield", "45.00", tags: ["carbon steel"],
            option: "Size", values: ["10 in", "12 in"], prices: ["45.00", "55.00"]),
        .init(
            .cookware, "Stainless Saucepan with Lid", "SAUCE-SS", "Oakfield", "39.00", tags: ["stainless"],
            option: "Size", values: ["1.5 qt", "2 qt", "3 qt"], prices: ["39.00", "45.00", "52.00"]),
        .init(.cookware, "Stockpot 8 qt", "STOCK-8", "Oakfield", "69.00", tags: ["stainless"]),
        .init(.cookware, "Nonstick Omelette Pan 8 in", "PAN-OML-8", "Oakfield", "32.00", tags: ["nonstick"]),
        .init(
            .cookware, "Copper-Core Saute Pan 3.5 qt", "SAUTE-CU-35", "Oakfield", "129.00", was: "149.00",
            tags: ["stainless"]),
        .init(
            .cookware, "Enamel Roasting Tin", "ROAST-EN", "Hearth & Pan", "24.00", tags: ["enamel", "baking"],
            option: "Size", values: ["Small", "Large"], prices: ["24.00", "32.00"]),
        .init(.cookware, "Cast-Iron Pie Dish 9 in", "LODGE-PIE9", "Lodge", "29.00", tags: ["cast iron", "baking"]),
        .init(.cookware, "Carbon Steel Wok 14 in", "WOK-CS-14", "Oakfield", "42.00", tags: ["carbon steel"]),
        .init(.cookware, "Cast-Iron Grill Press", "LODGE-LGP3", "Lodge", "22.00", tags: ["cast iron"]),
        .init(.cookware, "Baking Sheet Set (2)", "BAKE-SHEET-2", "Hearth & Pan", "26.00", tags: ["baking"]),
        .init(.cookware, "Loaf Tin 2 lb", "LOAF-2LB", "Hearth & Pan", "14.00", tags: ["baking"]),
        .init(
            .cookware, "Ceramic Baking Dish", "BAKE-CER", "Hearth & Pan", "22.00", tags: ["baking"],
            option: "Size", values: ["Small", "Medium", "Large"], prices: ["22.00", "28.00", "34.00"]),
        .init(
            .cookware, "Springform Tin", "SPRING", "Hearth & Pan", "16.00", tags: ["baking"],
            option: "Size", values: ["20 cm", "24 cm"], prices: ["16.00", "19.00"]),
        .init(.cookware, "Whistling Stovetop Kettle", "KETTLE-WHIS", "Oakfield", "49.00", tags: ["stainless"]),
        // Kitchen tools & care
        .init(
            .kitchenTools, "Cast-Iron Care Kit", "CI-CARE-KIT", "Hearth & Pan", "18.50", role: .careKit,
            tags: ["cast iron", "care"]),
        .init(.kitchenTools, "Cast-Iron Seasoning Oil 8 oz", "CI-OIL-8", "Lodge", "9.50", tags: ["cast iron", "care"]),
        .init(.kitchenTools, "Chainmail Scrubber", "CI-CHAIN", "Hearth & Pan", "12.00", tags: ["cast iron", "care"]),
        .init(.kitchenTools, "Pan Scrapers (set of 3)", "CI-SCRAPE-3", "Lodge", "6.50", tags: ["care"]),
        .init(
            .kitchenTools, "Silicone Handle Holder", "CI-HANDLE", "Lodge", "7.50", tags: ["cast iron"],
            option: "Color", values: ["Red", "Black"]),
        .init(.kitchenTools, "Chef's Knife 8 in", "KNIFE-CHEF-8", "Oakfield", "59.00", tags: ["knives"]),
        .init(.kitchenTools, "Paring Knife 3.5 in", "KNIFE-PAR-35", "Oakfield", "24.00", tags: ["knives"]),
        .init(.kitchenTools, "Wooden Spoon Set (3)", "SPOON-WOOD-3", "Hearth & Pan", "16.00", tags: ["utensils"]),
        .init(.kitchenTools, "Olive-Wood Spatula", "SPAT-OLIVE", "Hearth & Pan", "12.00", tags: ["utensils"]),
        .init(
            .kitchenTools, "Silicone-Tipped Tongs", "TONGS", "Oakfield", "11.00", tags: ["utensils"],
            option: "Size", values: ["9 in", "12 in"], prices: ["11.00", "13.00"]),
        .init(
            .kitchenTools, "Bamboo Cutting Board", "BOARD-BAM", "Hearth & Pan", "19.00", tags: ["boards"],
            option: "Size", values: ["Medium", "Large"], prices: ["19.00", "27.00"]),
        .init(.kitchenTools, "Sharpening Stone 1000/6000", "STONE-1K6K", "Oakfield", "39.00", tags: ["knives"]),
        .init(.kitchenTools, "Digital Kitchen Scale", "SCALE-DIG", "Oakfield", "29.00", tags: ["baking"]),
        .init(.kitchenTools, "Measuring Cups & Spoons Set", "MEASURE-SET", "Hearth & Pan", "18.00", tags: ["baking"]),
        .init(.kitchenTools, "Bench Scraper", "SCRAPER-BENCH", "Hearth & Pan", "9.00", tags: ["baking"]),
        .init(.kitchenTools, "Salad Spinner", "SPINNER", "Oakfield", "27.00", tags: ["utensils"]),
        .init(.kitchenTools, "Fine Zester", "ZESTER", "Oakfield", "15.00", tags: ["utensils"]),
        .init(
            .kitchenTools, "Beech Dish Brush", "BRUSH-DISH", "Hearth & Pan", "6.00", tags: ["care"],
            option: "Color", values: ["Natural", "Black"]),
        .init(.kitchenTools, "Bottle Brush", "BRUSH-BOTTLE", "Hearth & Pan", "5.00", tags: ["care"]),
        .init(.kitchenTools, "Beech Pepper Mill", "MILL-PEPPER", "Oakfield", "28.00", tags: ["utensils"]),
        .init(.kitchenTools, "Glass Oil Mister", "MISTER-OIL", "Oakfield", "14.00", tags: ["utensils"]),
        // Kitchen textiles
        .init(
            .kitchenTextiles, "Silicone Oven Mitt", "MITT-SIL", "Hearth & Pan", "8.20", was: "9.50", role: .ovenMitt,
            tags: ["oven mitt"], option: "Color", values: ["Red", "Charcoal", "Sage"],
            skus: ["MITT-SIL-RED", "MITT-SIL-CHAR", "MITT-SIL-SAGE"]),
        .init(
            .kitchenTextiles, "Linen Apron", "APRON-LIN", "Flax & Loom", "32.00", tags: ["linen"],
            option: "Color", values: ["Natural", "Charcoal", "Rust", "Olive"]),
        .init(
            .kitchenTextiles, "Tea Towels, Set of 3", "TOWEL-TEA-3", "Flax & Loom", "18.00", tags: ["cotton"],
            option: "Pattern", values: ["Stripe", "Check", "Plain"]),
        .init(
            .kitchenTextiles, "Pot Holders (pair)", "POTHOLD-2", "Flax & Loom", "12.00", tags: ["cotton"],
            option: "Color", values: ["Red", "Charcoal"]),
        .init(
            .kitchenTextiles, "Linen Napkins, Set of 4", "NAPKIN-LIN-4", "Flax & Loom", "28.00", tags: ["linen"],
            option: "Color", values: ["Natural", "Sage", "Clay"]),
        .init(.kitchenTextiles, "Waffle Dish Cloths (3)", "CLOTH-WAF-3", "Flax & Loom", "9.00", tags: ["cotton"]),
        .init(
            .kitchenTextiles, "Linen Tablecloth", "TABLECL-LIN", "Flax & Loom", "65.00", tags: ["linen"],
            option: "Size", values: ["Medium", "Large"], prices: ["65.00", "79.00"]),
        .init(.kitchenTextiles, "Linen Table Runner", "RUNNER-LIN", "Flax & Loom", "29.00", tags: ["linen"]),
        .init(.kitchenTextiles, "Linen Bread Bag", "BREADBAG", "Flax & Loom", "16.00", tags: ["linen"]),
        .init(.kitchenTextiles, "Double Oven Glove", "GLOVE-DBL", "Hearth & Pan", "19.00", tags: ["oven mitt"]),
        .init(.kitchenTextiles, "Striped Oven Gloves", "GLOVE-STRIPE", "Flax & Loom", "15.00", tags: ["oven mitt"]),
        .init(
            .kitchenTextiles, "Seat Pad", "SEATPAD", "Flax & Loom", "22.00", tags: ["cotton"],
            option: "Color", values: ["Sand", "Charcoal"]),
        // Coffee & tea
        .init(
            .coffeeAndTea, "Single-Origin Coffee Beans, Ethiopia Yirgacheffe", "BEAN-ETH", "Northside Roasters",
            "12.00",
            role: .coffeeBeans, tags: ["coffee", "beans"], option: "Size", values: ["250 g", "1 kg"],
            prices: ["12.00", "38.00"], skus: ["BEAN-ETH-250", "BEAN-ETH-1KG"]),
        .init(
            .coffeeAndTea, "Single-Origin Coffee Beans, Colombia Huila", "BEAN-COL", "Northside Roasters", "11.00",
            role: .coffeeBeans, tags: ["coffee", "beans"], option: "Size", values: ["250 g", "1 kg"],
            prices: ["11.00", "35.00"], skus: ["BEAN-COL-250", "BEAN-COL-1KG"]),
        .init(
            .coffeeAndTea, "House Espresso Blend", "BEAN-ESP", "Northside Roasters", "10.50", role: .coffeeBeans,
            tags: ["coffee", "beans"], option: "Size", values: ["250 g", "1 kg"], prices: ["10.50", "33.00"],
            skus: ["BEAN-ESP-250", "BEAN-ESP-1KG"]),
        .init(
            .coffeeAndTea, "Single-Origin Coffee Beans, Kenya AA", "BEAN-KEN", "Northside Roasters", "13.50",
            role: .coffeeBeans, tags: ["coffee", "beans"], option: "Size", values: ["250 g", "1 kg"],
            prices: ["13.50", "42.00"], skus: ["BEAN-KEN-250", "BEAN-KEN-1KG"]),
        .init(
            .coffeeAndTea, "Single-Origin Coffee Beans, Guatemala Antigua", "BEAN-GUA", "Northside Roasters", "11.50",
            role: .coffeeBeans, tags: ["coffee", "beans"], option: "Size", values: ["250 g", "1 kg"],
            prices: ["11.50", "36.00"], skus: ["BEAN-GUA-250", "BEAN-GUA-1KG"]),
        .init(
            .coffeeAndTea, "Swiss Water Decaf", "BEAN-DEC", "Northside Roasters", "11.00", role: .coffeeBeans,
            tags: ["coffee", "beans", "decaf"], option: "Size", values: ["250 g"], skus: ["BEAN-DEC-250"]),
        .init(
            .coffeeAndTea, "Conical Burr Coffee Grinder", "GRIND-BURR", "Brewline", "129.00", was: "149.00",
            role: .grinder, tags: ["coffee", "grinder"]),
        .init(
            .coffeeAndTea, "Hand Coffee Grinder", "GRIND-HAND", "Brewline", "59.00", role: .grinder,
            tags: ["coffee", "grinder"]),
        .init(
            .coffeeAndTea, "Ceramic Pour-Over Dripper 02", "DRIP-CER-02", "Brewline", "24.00", role: .dripper,
            tags: ["coffee", "pour-over"]),
        .init(
            .coffeeAndTea, "Paper Filters, Size 02 (100)", "FILT-02-100", "Brewline", "6.50", role: .filters,
            tags: ["coffee", "pour-over"]),
        .init(
            .coffeeAndTea, "Gooseneck Kettle 0.9 L", "KETTLE-GOOSE", "Brewline", "69.00", role: .kettle,
            tags: ["coffee", "pour-over"]),
        .init(.coffeeAndTea, "French Press 1 L", "PRESS-1L", "Brewline", "35.00", tags: ["coffee"]),
        .init(.coffeeAndTea, "Coffee Canister", "CANISTER-COF", "Brewline", "18.00", tags: ["coffee", "storage"]),
        .init(.coffeeAndTea, "Coffee Scale with Timer", "SCALE-COF", "Brewline", "39.00", tags: ["coffee"]),
        .init(.coffeeAndTea, "Cold Brew Bottle", "COLDBREW", "Brewline", "26.00", tags: ["coffee"]),
        .init(.coffeeAndTea, "Loose-Leaf Earl Grey 100 g", "TEA-EARL-100", "Leaf & Kettle", "8.50", tags: ["tea"]),
        .init(.coffeeAndTea, "Sencha Green Tea 100 g", "TEA-SENCHA-100", "Leaf & Kettle", "9.50", tags: ["tea"]),
        .init(.coffeeAndTea, "Chamomile Flowers 50 g", "TEA-CHAM-50", "Leaf & Kettle", "7.00", tags: ["tea"]),
        .init(.coffeeAndTea, "Cast-Iron Teapot 0.8 L", "TEAPOT-CI", "Leaf & Kettle", "45.00", tags: ["tea"]),
        .init(.coffeeAndTea, "Tea Infuser", "INFUSER", "Leaf & Kettle", "6.00", tags: ["tea"]),
        .init(.coffeeAndTea, "Milk Frother", "FROTHER", "Brewline", "19.00", tags: ["coffee"]),
        // Candles
        .init(
            .candles, "Hand-Poured Soy Candle 200 g", "CANDLE-200", "Wick & Wax", "22.00", role: .candle,
            tags: ["candle", "soy"], option: "Scent",
            values: ["Fig & Cedar", "Sea Salt", "Lavender", "Amber", "Bergamot", "Pine", "Tomato Leaf", "Oud"]),
        .init(
            .candles, "Hand-Poured Soy Candle 400 g", "CANDLE-400", "Wick & Wax", "36.00", role: .candle,
            tags: ["candle", "soy"], option: "Scent", values: ["Fig & Cedar", "Sea Salt", "Lavender"]),
        .init(
            .candles, "Beeswax Taper Candles (pair)", "TAPER-2", "Ember Lane", "14.00", tags: ["candle", "beeswax"],
            option: "Color", values: ["Natural", "Ivory"]),
        .init(
            .candles, "Pillar Candle", "PILLAR", "Ember Lane", "12.00", tags: ["candle"],
            option: "Size", values: ["Small", "Large"], prices: ["12.00", "18.00"]),
        .init(.candles, "Unscented Tealights (50)", "TEALIGHT-50", "Ember Lane", "9.00", tags: ["candle"]),
        .init(.candles, "Candle Wick Trimmer", "WICK-TRIM", "Ember Lane", "14.00", tags: ["candle care"]),
        .init(.candles, "Candle Snuffer", "SNUFFER", "Ember Lane", "12.00", tags: ["candle care"]),
        .init(
            .candles, "Travel Tin Candle", "CANDLE-TIN", "Wick & Wax", "10.00", tags: ["candle", "soy"],
            option: "Scent", values: ["Fig & Cedar", "Sea Salt"]),
        // Home fragrance
        .init(
            .homeFragrance, "Reed Diffuser 100 ml", "DIFF-100", "Wick & Wax", "28.00", tags: ["diffuser"],
            option: "Scent", values: ["Fig & Cedar", "Sea Salt", "Lavender", "Bergamot"]),
        .init(
            .homeFragrance, "Diffuser Refill 200 ml", "REFILL-200", "Wick & Wax", "22.00",
            tags: ["diffuser", "refill"],
            option: "Scent", values: ["Fig & Cedar", "Sea Salt", "Lavender", "Bergamot"]),
        .init(
            .homeFragrance, "Room Spray 100 ml", "SPRAY-ROOM", "Wick & Wax", "16.00", tags: ["spray"],
            option: "Scent", values: ["Lavender", "Bergamot", "Pine"]),
        .init(
            .homeFragrance, "Incense Sticks (40)", "INCENSE-40", "Ember Lane", "9.00", tags: ["incense"],
            option: "Scent", values: ["Sandalwood", "Hinoki"]),
        .init(.homeFragrance, "Ceramic Incense Holder", "INCENSE-HOLD", "Ember Lane", "12.00", tags: ["incense"]),
        .init(.homeFragrance, "Linen Spray 100 ml", "SPRAY-LINEN", "Wick & Wax", "14.00", tags: ["spray"]),
        .init(
            .homeFragrance, "Soy Wax Melts", "MELT", "Wick & Wax", "8.00", tags: ["wax melt"],
            option: "Scent", values: ["Amber", "Fig & Cedar"]),
        .init(
            .homeFragrance, "Essential Oil 10 ml", "OIL-ESS", "Ember Lane", "9.00", tags: ["essential oil"],
            option: "Scent", values: ["Lavender", "Eucalyptus", "Sweet Orange", "Peppermint"]),
        .init(.homeFragrance, "Electric Aroma Diffuser", "DIFF-ELEC", "Ember Lane", "45.00", tags: ["diffuser"]),
        // Garden
        .init(
            .garden, "Cedar Raised Bed Kit, 4 x 8 ft", "RB-CEDAR-4X8", "Greenbench", "149.00", was: "169.00",
            role: .raisedBed, tags: ["raised bed", "spring"]),
        .init(
            .garden, "Cedar Raised Bed Kit, 4 x 4 ft", "RB-CEDAR-4X4", "Greenbench", "99.00", role: .raisedBed,
            tags: ["raised bed", "spring"]),
        .init(
            .garden, "Galvanised Round Raised Bed", "RB-STEEL-RND", "Greenbench", "119.00", role: .raisedBed,
            tags: ["raised bed", "spring"]),
        .init(.garden, "Stainless Hand Trowel", "TROWEL-SS", "Greenbench", "18.00", tags: ["tools"]),
        .init(
            .garden, "Garden Gloves", "GLOVE-GARD", "Greenbench", "14.00", tags: ["tools"],
            option: "Size", values: ["S", "M", "L"]),
        .init(
            .garden, "Watering Can 9 L", "CAN-9L", "Greenbench", "39.00", tags: ["watering"],
            option: "Color", values: ["Green", "Grey"]),
        .init(.garden, "Seed Trays (5)", "SEEDTRAY-5", "Greenbench", "12.00", tags: ["seeds"]),
        .init(.garden, "Heirloom Tomato Seeds", "SEED-TOM", "Greenbench", "3.50", tags: ["seeds", "spring"]),
        .init(.garden, "Herb Seed Collection", "SEED-HERB", "Greenbench", "12.00", tags: ["seeds", "spring"]),
        .init(.garden, "Bypass Pruning Shears", "SHEARS", "Greenbench", "29.00", tags: ["tools"]),
        .init(.garden, "Garden Kneeler", "KNEELER", "Greenbench", "25.00", tags: ["tools"]),
        .init(.garden, "Plant Labels (50)", "LABELS-50", "Greenbench", "6.00", tags: ["seeds"]),
        .init(.garden, "Hose Nozzle", "NOZZLE", "Greenbench", "15.00", tags: ["watering"]),
        .init(.garden, "Trellis Netting", "TRELLIS", "Greenbench", "11.00", tags: ["support"]),
        .init(.garden, "Cold Frame", "COLDFRAME", "Greenbench", "89.00", tags: ["spring"]),
        .init(.garden, "Jute Garden Twine", "TWINE", "Greenbench", "5.00", tags: ["support"]),
        .init(.garden, "Hanging Bird Feeder", "FEEDER", "Greenbench", "24.00", tags: ["wildlife"]),
        .init(.garden, "Potato Grow Bags (3)", "GROWBAG-3", "Greenbench", "15.00", tags: ["spring"]),
        .init(.garden, "Strawberry Planter", "PLANTER-STRAW", "Greenbench", "21.00", tags: ["spring"]),
        // Soil & plant care
        .init(
            .soilAndPlantCare, "Worm Castings Soil Amendment", "SOIL-WORM", "Greenbench", "11.00",
            role: .soilAmendment, tags: ["soil", "organic"], option: "Size", values: ["15 lb", "30 lb"],
            prices: ["11.00", "19.00"], skus: ["SOIL-WORM-15", "SOIL-WORM-30"]),
        .init(
            .soilAndPlantCare, "Organic Compost Blend 40 L", "SOIL-COMP-40", "Greenbench", "14.00",
            role: .soilAmendment, tags: ["soil", "organic"]),
        .init(
            .soilAndPlantCare, "Bone Meal 2 kg", "SOIL-BONE-2", "Greenbench", "9.00", role: .soilAmendment,
            tags: ["soil", "organic"]),
        .init(
            .soilAndPlantCare, "Peat-Free Potting Mix", "MIX-PF", "Greenbench", "8.00", tags: ["compost"],
            option: "Size", values: ["20 L", "50 L"], prices: ["8.00", "15.00"]),
        .init(.soilAndPlantCare, "Seed Compost 20 L", "MIX-SEED-20", "Greenbench", "7.50", tags: ["compost"]),
        .init(.soilAndPlantCare, "Ericaceous Compost 40 L", "MIX-ERIC-40", "Greenbench", "12.00", tags: ["compost"]),
        .init(
            .soilAndPlantCare, "Liquid Seaweed Plant Food 1 L", "FEED-SEAWEED", "Greenbench", "12.00", tags: ["feed"]),
        .init(.soilAndPlantCare, "Tomato Feed 1 L", "FEED-TOM", "Greenbench", "9.00", tags: ["feed"]),
        .init(.soilAndPlantCare, "Chicken Manure Pellets 5 kg", "FEED-MANURE-5", "Greenbench", "11.00", tags: ["feed"]),
        .init(.soilAndPlantCare, "Neem Oil Spray 500 ml", "NEEM-500", "Greenbench", "11.00", tags: ["pests"]),
        .init(.soilAndPlantCare, "Perlite 10 L", "PERLITE-10", "Greenbench", "8.00", tags: ["compost"]),
        .init(.soilAndPlantCare, "Vermiculite 10 L", "VERMIC-10", "Greenbench", "8.00", tags: ["compost"]),
        .init(.soilAndPlantCare, "Bark Mulch 60 L", "MULCH-60", "Greenbench", "12.00", tags: ["mulch"]),
        .init(.soilAndPlantCare, "Orchid Food", "FEED-ORCHID", "Greenbench", "6.00", tags: ["feed", "houseplants"]),
        .init(.soilAndPlantCare, "Organic Slug Pellets", "SLUG-ORG", "Greenbench", "10.00", tags: ["pests"]),
        .init(.soilAndPlantCare, "Mycorrhizal Fungi", "MYCO", "Greenbench", "9.00", tags: ["soil"]),
        .init(.soilAndPlantCare, "Soil Test Kit", "SOILTEST", "Greenbench", "15.00", tags: ["soil"]),
        .init(
            .soilAndPlantCare, "Houseplant Feed 250 ml", "FEED-HOUSE", "Greenbench", "7.00",
            tags: ["feed", "houseplants"]),
        // Pantry
        .init(
            .pantry, "Extra Virgin Olive Oil 500 ml", "EVOO-500", "Casa Olea", "16.00", tags: ["oil"],
            option: "Variety", values: ["Koroneiki", "Arbequina"]),
        .init(.pantry, "Flaky Sea Salt 250 g", "SALT-FLAKE", "Saltmarsh", "7.00", tags: ["seasoning"]),
        .init(.pantry, "Raw Wildflower Honey 340 g", "HONEY-340", "Hive & Heath", "11.00", tags: ["sweet"]),
        .init(.pantry, "Smoked Paprika 60 g", "SPICE-PAPR", "Spice Route", "5.00", tags: ["spices"]),
        .init(.pantry, "Whole Black Peppercorns 100 g", "SPICE-PEPP", "Spice Route", "6.00", tags: ["spices"]),
        .init(.pantry, "Bronze-Cut Spaghetti 500 g", "PASTA-SPAG", "Casa Olea", "4.50", tags: ["pasta"]),
        .init(.pantry, "Aged Balsamic Vinegar 250 ml", "BALS-250", "Casa Olea", "18.00", tags: ["vinegar"]),
        .init(.pantry, "Chilli Crisp 200 g", "CHILLI-CRISP", "Spice Route", "9.00", tags: ["condiments"]),
        .init(
            .pantry, "Preserving Jars (6)", "JAR-6", "Hearth & Pan", "14.00", tags: ["storage"],
            option: "Size", values: ["250 ml", "500 ml"], prices: ["14.00", "17.00"]),
        .init(
            .pantry, "Glass Storage Canister", "CANISTER-GL", "Hearth & Pan", "8.00", tags: ["storage"],
            option: "Size", values: ["Small", "Medium", "Large"], prices: ["8.00", "10.00", "12.00"]),
        .init(.pantry, "Spice Rack Set", "SPICE-RACK", "Spice Route", "35.00", tags: ["spices"]),
        .init(.pantry, "Sourdough Starter Kit", "SOURDOUGH-KIT", "Hearth & Pan", "19.00", tags: ["baking"]),
        .init(.pantry, "Pasta Flour 00, 1 kg", "FLOUR-00", "Casa Olea", "4.00", tags: ["baking"]),
        .init(.pantry, "Maple Syrup 250 ml", "MAPLE-250", "Hive & Heath", "12.00", tags: ["sweet"]),
        .init(
            .pantry, "Dark Chocolate 70%", "CHOC-70", "Hive & Heath", "4.50", tags: ["sweet"],
            option: "Flavor", values: ["Plain", "Sea Salt", "Orange"]),
        .init(.pantry, "Toasted Granola 500 g", "GRANOLA", "Hive & Heath", "8.50", tags: ["breakfast"]),
        .init(.pantry, "Jumbo Oats 1 kg", "OATS-1KG", "Hive & Heath", "3.50", tags: ["breakfast"]),
        .init(.pantry, "Strawberry Jam 340 g", "JAM-STRAW", "Hive & Heath", "5.50", tags: ["sweet"]),
        // Tableware
        .init(
            .tableware, "Stoneware Dinner Plate", "PLATE-DIN", "Fettle Studio", "18.00", tags: ["stoneware"],
            option: "Glaze", values: ["Sand", "Slate", "Moss"]),
        .init(
            .tableware, "Stoneware Side Plate", "PLATE-SIDE", "Fettle Studio", "12.00", tags: ["stoneware"],
            option: "Glaze", values: ["Sand", "Slate", "Moss"]),
        .init(
            .tableware, "Stoneware Bowl", "BOWL-SW", "Fettle Studio", "14.00", tags: ["stoneware"],
            option: "Glaze", values: ["Sand", "Slate", "Moss"]),
        .init(
            .tableware, "Stoneware Pasta Bowl", "BOWL-PASTA", "Fettle Studio", "16.00", tags: ["stoneware"],
            option: "Glaze", values: ["Sand", "Slate", "Moss"]),
        .init(
            .tableware, "Enamel Mug \"Camp\" 12 oz", "MUG-CAMP", "Hearth & Pan", "14.00", tags: ["mugs", "enamel"],
            option: "Color", values: ["White", "Navy"]),
        .init(
            .tableware, "Handmade Mug", "MUG-HAND", "Fettle Studio", "22.00", tags: ["mugs", "stoneware"],
            option: "Glaze", values: ["Speckle", "Ink"]),
        .init(.tableware, "Tumbler Glasses (4)", "GLASS-TUMB-4", "Clearwater Glass", "24.00", tags: ["glassware"]),
        .init(.tableware, "Wine Glasses (2)", "GLASS-WINE-2", "Clearwater Glass", "28.00", tags: ["glassware"]),
        .init(.tableware, "Oak Serving Platter", "PLATTER-OAK", "Hearth & Pan", "45.00", tags: ["serving"]),
        .init(.tableware, "Olive-Wood Salad Servers", "SERVERS-OLIVE", "Hearth & Pan", "19.00", tags: ["serving"]),
        .init(.tableware, "Ceramic Butter Dish", "BUTTER-DISH", "Fettle Studio", "21.00", tags: ["serving"]),
        .init(.tableware, "Cutlery Set, 16 pieces", "CUTLERY-16", "Oakfield", "69.00", tags: ["cutlery"]),
        .init(.tableware, "Glass Water Carafe 1 L", "CARAFE-1L", "Clearwater Glass", "22.00", tags: ["glassware"]),
        .init(.tableware, "Espresso Cups (2)", "CUP-ESP-2", "Fettle Studio", "18.00", tags: ["mugs"]),
        .init(.tableware, "Tea Cups & Saucers (2)", "CUP-TEA-2", "Fettle Studio", "26.00", tags: ["mugs"]),
        .init(.tableware, "Footed Cake Stand", "CAKESTAND", "Fettle Studio", "38.00", tags: ["serving"]),
        // Gift sets
        .init(
            .giftSets, "Festive Gift Set - Coffee Lover", "GIFT-COFFEE", "Regulars Home", "39.90", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Candle Trio", "GIFT-CANDLE-3", "Regulars Home", "54.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Cast-Iron Starter", "GIFT-CI-START", "Regulars Home", "59.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Gardener's Kit", "GIFT-GARDEN", "Regulars Home", "45.00", role: .giftSet,
            tags: ["gift"]),
        .init(
            .giftSets, "Gift Set - Pantry Treats", "GIFT-PANTRY", "Regulars Home", "35.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Tea Time", "GIFT-TEA", "Regulars Home", "29.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Bath Ritual", "GIFT-BATH", "Regulars Home", "39.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Advent Calendar - Tea", "GIFT-ADVENT-TEA", "Leaf & Kettle", "32.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Stocking Filler Set", "GIFT-STOCKING", "Regulars Home", "19.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Hamper, Large", "GIFT-HAMPER-L", "Regulars Home", "120.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Coffee & Mug", "GIFT-COFFEE-MUG", "Regulars Home", "34.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        .init(
            .giftSets, "Gift Set - Kitchen Linen", "GIFT-LINEN", "Regulars Home", "42.00", role: .giftSet,
            tags: ["gift", "christmas"]),
        // Bath & body
        .init(
            .bathAndBody, "Olive Oil Soap Bar", "SOAP-OLIVE", "Saltmarsh", "6.00", tags: ["soap"],
            option: "Scent", values: ["Unscented", "Lavender", "Rosemary"]),
        .init(
            .bathAndBody, "Hand Cream 75 ml", "CREAM-HAND", "Saltmarsh", "14.00", tags: ["skin"],
            option: "Scent", values: ["Fig", "Unscented"]),
        .init(
            .bathAndBody, "Bath Salts 500 g", "SALTS-BATH", "Saltmarsh", "16.00", tags: ["bath"],
            option: "Scent", values: ["Eucalyptus", "Lavender"]),
        .init(.bathAndBody, "Body Oil 100 ml", "OIL-BODY", "Saltmarsh", "22.00", tags: ["skin"]),
        .init(.bathAndBody, "Beeswax Lip Balm", "LIPBALM", "Hive & Heath", "5.00", tags: ["skin"]),
        .init(.bathAndBody, "Konjac Sponge", "KONJAC", "Saltmarsh", "7.00", tags: ["bath"]),
        .init(
            .bathAndBody, "Organic Cotton Bath Towel", "TOWEL-BATH", "Flax & Loom", "29.00", tags: ["towels"],
            option: "Color", values: ["White", "Stone", "Sage"]),
        .init(
            .bathAndBody, "Organic Cotton Hand Towel", "TOWEL-HAND", "Flax & Loom", "15.00", tags: ["towels"],
            option: "Color", values: ["White", "Stone"]),
        .init(.bathAndBody, "Shower Gel 250 ml", "GEL-SHOWER", "Saltmarsh", "12.00", tags: ["bath"]),
        .init(.bathAndBody, "Beech Body Brush", "BRUSH-BODY", "Saltmarsh", "15.00", tags: ["bath"]),
        .init(.bathAndBody, "Ceramic Soap Dish", "SOAPDISH", "Fettle Studio", "11.00", tags: ["bath"]),
        .init(
            .bathAndBody, "Waffle Bath Robe", "ROBE-WAF", "Flax & Loom", "59.00", tags: ["towels"],
            option: "Size", values: ["S/M", "L/XL"]),
        .init(
            .bathAndBody, "Cotton Bath Mat", "BATHMAT", "Flax & Loom", "24.00", tags: ["towels"],
            option: "Color", values: ["White", "Stone"]),
        // Wellness & pregnancy (sensitive)
        .init(.wellness, "Pregnancy Belly Balm 100 ml", "MAMA-BALM", "Bloom Mother", "22.00", tags: ["pregnancy"]),
        .init(
            .wellness, "Raspberry Leaf Tea, 20 bags", "MAMA-TEA", "Bloom Mother", "8.00", tags: ["pregnancy", "tea"]),
        .init(.wellness, "Maternity Support Pillow", "MAMA-PILLOW", "Bloom Mother", "59.00", tags: ["pregnancy"]),
        .init(.wellness, "Pregnancy Test (2-pack)", "TEST-PREG-2", "Bloom Mother", "9.00", tags: ["pregnancy"]),
        .init(.wellness, "Ovulation Test Strips (20)", "TEST-OVU-20", "Bloom Mother", "14.00", tags: ["fertility"]),
        .init(.wellness, "Nursing Nipple Balm 30 ml", "MAMA-NIPPLE", "Bloom Mother", "11.00", tags: ["nursing"]),
        .init(.wellness, "Prenatal Vitamins (60)", "MAMA-VIT-60", "Bloom Mother", "19.00", tags: ["pregnancy"]),
        .init(.wellness, "Postpartum Recovery Kit", "MAMA-POSTPART", "Bloom Mother", "45.00", tags: ["postpartum"]),
        .init(.wellness, "Hot & Cold Pack", "PACK-HOTCOLD", "Bloom Mother", "12.00", tags: ["recovery"]),
        .init(.wellness, "Magnesium Sleep Spray", "SPRAY-MAG", "Bloom Mother", "15.00", tags: ["sleep"]),
        .init(.wellness, "Stretch-Mark Oil 100 ml", "MAMA-OIL", "Bloom Mother", "18.00", tags: ["pregnancy"]),
        .init(
            .wellness, "Maternity Leggings", "MAMA-LEG", "Bloom Mother", "35.00", tags: ["maternity wear"],
            option: "Size", values: ["S", "M", "L"]),
    ]
}
