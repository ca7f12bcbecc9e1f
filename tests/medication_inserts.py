"""Illustrative inserts written for the medication tests (our own texts, not medical reference), and a hand
labelling of which of their items a pharmacist would want to see for each of the other medicines.

Each item is (text, labels): labels are the ids of the medicines in INSERTS (and of TYPED) that the item is
about, decided by reading the item as a pharmacist would, not by running the finder.
"""

from __future__ import annotations

Item = tuple[str, frozenset[str]]


def _i(text: str, *ids: str) -> Item:
    return (text, frozenset(ids))


INSERTS: dict[str, dict[str, object]] = {
    "W": {
        "name": "华法林钠片",
        "ingredients": "本品主要成份为华法林钠。辅料为乳糖、淀粉。",
        "interactions": [
            _i("1．与阿司匹林、氯吡格雷等抗血小板药合用，出血风险增加。", "A", "C"),
            _i("2．与非甾体抗炎药（如布洛芬）合用可增加胃肠道出血的风险。", "I", "A"),
            _i("3．克拉霉素、红霉素、氟康唑等可增强本品的抗凝作用。", "K"),
            _i("4．奥美拉唑可轻度增强本品作用，合用时应监测INR。", "O"),
            _i("5．丹参、当归、银杏叶等活血化瘀类中药可增强抗凝作用。"),
            _i("6．维生素K可减弱本品的抗凝作用。"),
        ],
        "precautions": [
            _i("1．用药期间应定期监测国际标准化比值（INR）。"),
            _i("2．服药期间避免饮酒，饮酒可影响本品的抗凝效果。", "ALC"),
            _i("3．不宜自行加服其他中药或保健品。"),
        ],
        "contraindications": [_i("有出血倾向者禁用。孕妇禁用。")],
    },
    "A": {
        "name": "阿司匹林肠溶片",
        "ingredients": "本品主要成份为阿司匹林。",
        "interactions": [
            _i("1．与华法林等抗凝药合用可增加出血的风险。", "W"),
            _i("2．与布洛芬等其他非甾体抗炎药同用，可能减弱本品的抗血小板作用并增加胃肠道不良反应。", "I"),
            _i("3．与氯吡格雷合用时出血风险增加，应在医师指导下使用。", "C"),
            _i("4．与降糖药合用可增强降糖作用，应注意监测血糖。", "M"),
            _i("5．糖皮质激素可增加本品的胃肠道出血风险。"),
        ],
        "precautions": [
            _i("1．本品为水杨酸类药物，对其他非甾体抗炎药过敏者慎用。", "I"),
            _i("2．饮酒可增加胃肠道出血的危险。", "ALC"),
        ],
        "contraindications": [_i("活动性消化性溃疡患者禁用。严重肝肾功能不全者禁用。")],
    },
    "C": {
        "name": "硫酸氢氯吡格雷片",
        "ingredients": "本品主要成份为硫酸氢氯吡格雷。",
        "interactions": [
            _i("1．与阿司匹林合用可增加出血风险，但在急性冠脉综合征中常联合使用。", "A"),
            _i("2．与华法林等口服抗凝药合用可增加出血风险，不推荐合用。", "W"),
            _i("3．奥美拉唑、埃索美拉唑可减弱本品的抗血小板作用，应避免合用。", "O"),
            _i("4．与非甾体抗炎药合用可增加胃肠道出血风险。", "I", "A"),
        ],
        "precautions": [_i("1．手术前5天应停用本品。"), _i("2．肝功能损害者慎用。")],
        "contraindications": [_i("活动性病理性出血患者禁用。")],
    },
    "N": {
        "name": "苯磺酸氨氯地平片",
        "ingredients": "本品主要成份为苯磺酸氨氯地平。",
        "interactions": [
            _i("1．与其他降压药合用可增强降压作用。", "V"),
            _i("2．克拉霉素等CYP3A4抑制剂可使本品血药浓度升高。", "K"),
            _i("3．与辛伐他汀合用时，辛伐他汀每日剂量不宜超过20mg。"),
            _i("4．葡萄柚汁可能使本品血药浓度升高。"),
        ],
        "precautions": [_i("1．本品为钙通道阻滞剂，严重主动脉瓣狭窄患者慎用。"), _i("2．肝功能不全者慎用。")],
        "contraindications": [_i("对二氢吡啶类药物过敏者禁用。")],
    },
    "G": {
        "name": "复方氨酚烷胺胶囊",
        "ingredients": "本品为复方制剂，每粒含对乙酰氨基酚250mg、盐酸金刚烷胺100mg、人工牛黄10mg、咖啡因15mg、马来酸氯苯那敏2mg。辅料为淀粉。",
        "interactions": [
            _i("1．与其他解热镇痛药同用，可增加肾毒性的危险。", "A", "I"),
            _i("2．本品不宜与氯霉素、巴比妥类药物并用。"),
            _i("3．与降压药合用时可能减弱其降压效果。", "N", "V"),
        ],
        "precautions": [
            _i("1．用药期间不宜驾驶车辆。"),
            _i("2．服用本品期间不得饮酒或含有酒精的饮料。", "ALC"),
            _i("3．不能同时服用与本品成份相似的其他抗感冒药。", "L"),
            _i("4．本品不含阿司匹林。", "A"),
        ],
        "contraindications": [_i("严重肝肾功能不全者禁用。")],
    },
    "M": {
        "name": "盐酸二甲双胍片",
        "ingredients": "本品主要成份为盐酸二甲双胍。",
        "interactions": [
            _i("1．与其他降糖药合用时有发生低血糖的风险。"),
            _i("2．血管内注射含碘造影剂可能导致急性肾功能恶化，检查前应暂停本品。", "CON"),
            _i("3．与西咪替丁合用可增加本品的血药浓度。"),
        ],
        "precautions": [_i("1．服药期间避免过量饮酒，酒精可增加乳酸性酸中毒的风险。", "ALC")],
        "contraindications": [_i("严重肾功能不全者禁用。")],
    },
    "S": {
        "name": "阿托伐他汀钙片",
        "ingredients": "本品主要成份为阿托伐他汀钙。",
        "interactions": [
            _i("1．与克拉霉素、伊曲康唑等强效CYP3A4抑制剂合用，可增加肌病的风险。", "K"),
            _i("2．大量饮用葡萄柚汁可升高本品的血药浓度。"),
            _i("3．与贝特类药物合用可增加肌病的风险。"),
            _i("4．与地高辛合用时应监测地高辛浓度。"),
        ],
        "precautions": [_i("1．用药期间应监测肝功能。"), _i("2．大量饮酒者慎用。", "ALC")],
        "contraindications": [_i("活动性肝病患者禁用。")],
    },
    "O": {
        "name": "奥美拉唑肠溶胶囊",
        "ingredients": "本品主要成份为奥美拉唑。",
        "interactions": [
            _i("1．本品可减弱氯吡格雷的抗血小板作用，应避免合用。", "C"),
            _i("2．与华法林合用时应监测凝血指标。", "W"),
            _i("3．本品可降低伊曲康唑、酮康唑的吸收。"),
        ],
        "precautions": [_i("1．长期使用应注意骨折风险。")],
        "contraindications": [_i("对本品过敏者禁用。")],
    },
    "I": {
        "name": "布洛芬缓释胶囊",
        "ingredients": "本品主要成份为布洛芬。",
        "interactions": [
            _i("1．与阿司匹林或其他非甾体抗炎药同用，药效不增强，而胃肠道不良反应增多。", "A"),
            _i("2．与肝素、华法林等抗凝药同用可增加出血倾向。", "W"),
            _i("3．与抗高血压药同用时，可影响后者的降压效果。", "N", "V"),
        ],
        "precautions": [
            _i("1．不能同时服用其他含有解热镇痛药的药品（如某些复方抗感冒药）。", "G", "A"),
            _i("2．服用本品期间不得饮酒。", "ALC"),
        ],
        "contraindications": [_i("活动性消化道溃疡患者禁用。")],
    },
    "L": {
        "name": "连花清瘟胶囊",
        "ingredients": "连翘、金银花、炙麻黄、炒苦杏仁、石膏、板蓝根、绵马贯众、鱼腥草、广藿香、大黄、红景天、薄荷脑、甘草。",
        "interactions": [_i("如与其他药物同时使用可能会发生药物相互作用，详情请咨询医师或药师。")],
        "precautions": [
            _i("1．忌烟、酒及辛辣、生冷、油腻食物。", "ALC"),
            _i("2．高血压、心脏病患者慎用。", "N", "V"),
            _i("3．不宜在服药期间同时服用滋补性中药。"),
        ],
        "contraindications": [_i("尚不明确。")],
    },
    "K": {
        "name": "克拉霉素片",
        "ingredients": "本品主要成份为克拉霉素。",
        "interactions": [
            _i("1．本品为CYP3A4抑制剂，与阿托伐他汀、辛伐他汀等他汀类合用可增加肌病风险。", "S"),
            _i("2．与华法林等口服抗凝药合用可增强抗凝作用，应监测INR。", "W"),
            _i("3．与钙通道阻滞剂（如氨氯地平）合用可能引起低血压。", "N"),
            _i("4．与口服降糖药合用可能发生低血糖。", "M"),
        ],
        "precautions": [_i("1．肝功能损害者慎用。")],
        "contraindications": [_i("对大环内酯类抗生素过敏者禁用。")],
    },
    "V": {
        "name": "缬沙坦胶囊",
        "ingredients": "本品主要成份为缬沙坦。",
        "interactions": [
            _i("1．与保钾利尿剂、补钾剂合用可使血钾升高。"),
            _i("2．与非甾体抗炎药合用可减弱降压作用并增加肾损害风险。", "I", "A"),
            _i("3．与其他抗高血压药合用可增强降压效果。", "N"),
        ],
        "precautions": [_i("1．用药期间应监测血钾和肾功能。")],
        "contraindications": [_i("孕妇禁用。")],
    },
}

#: medicines typed as the patient says them (id -> text)
TYPED = {"ALC": "喝酒", "CON": "含碘造影剂", "BP": "降压片", "GLU": "降糖药"}
#: items labelled by class for the typed class words (a pharmacist reading "降压药" would want it for 降压片)
TYPED_EXTRA = {
    ("G", 2): "BP",
    ("N", 0): "BP",
    ("I", 2): "BP",
    ("V", 2): "BP",
    ("A", 3): "GLU",
    ("M", 0): "GLU",
    ("K", 3): "GLU",
}


def fields(mid: str) -> dict[str, str]:
    d = INSERTS[mid]
    out = {"name": str(d["name"]), "ingredients": str(d["ingredients"])}
    for key in ("interactions", "precautions", "contraindications"):
        out[key] = "\n".join(t for t, _ in d.get(key, []))  # type: ignore[attr-defined]
    return out


def labelled(mid: str) -> list[tuple[str, str, frozenset[str]]]:
    """(section, item text, ids it is about) for every item of an insert, typed-medicine labels included."""
    out = []
    for key in ("interactions", "precautions", "contraindications"):
        for n, (text, ids) in enumerate(INSERTS[mid].get(key, [])):  # type: ignore[attr-defined]
            extra = TYPED_EXTRA.get((mid, n)) if key == "interactions" else None
            out.append((key, text, ids | {extra} if extra else ids))
    return out
