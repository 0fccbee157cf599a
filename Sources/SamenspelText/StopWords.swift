/// Function words per language (based on the Snowball lists), without negations:
/// those are handled as phrases.
enum StopWords {
    static let dutch: Set<String> = Set("""
    de en van ik te dat die in een hij het is was op aan met als voor had er maar om hem dan \
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb \
    hoe heeft hebben deze u want nog zal me zij nu ge omdat iets worden toch al waren veel meer \
    doen toen moet ben kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen \
    kunnen ons tegen na reeds wil kon uw iemand geweest andere anders wel heel erg even \
    eigenlijk bijvoorbeeld zijn jouw jij jullie wij we hen hun zelf elkaar waar waarin wanneer \
    welke welk zeer nee jezelf zichzelf mezelf ermee erin erop erover ervan daarin daarmee \
    daardoor hierdoor waardoor dus zoals via tussen binnen buiten boven vanuit per plaats \
    doet deed gaat gaan ga laat laten wordt worden kunt hoeft hoeven mag moeten moet zullen zit \
    een één twee drie vaak soms beetje dingen ding manier mee af toe ze zo'n the
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    static let english: Set<String> = Set("""
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself \
    she her hers herself it its itself they them their theirs themselves what which who whom \
    this that these those am is are was were be been being have has had having do does did \
    doing a an the and but if or because as until while of at by for with about against \
    between into through during before after above below to from up down in out on off over \
    under again further then once here there when where why how all any both each few more \
    most other some such only own same so than too very s t can will just should now \
    would could also get gets got make makes made let lets really much many lot lots \
    thing things way ways us via per one two three every everyone everything something \
    always often sometimes still even within us ok okay want wants
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
